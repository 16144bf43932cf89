import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { nodeTypes } from '../src/definitions';

/**
 * Node type names ('wait', 'handoff', …) belong in nodes/. This check (`pnpm lint:node-names`, part of
 * the test command) finds them in the string and template literals of engine/, server/, editor/ and
 * shared/ sources (tests excluded) and fails on any. A word that only looks like a node type (the
 * run-log kind 'end', a wait's own timer kind 'wait') is marked with `// node-name-ok: <reason>` on
 * its line or the line before.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const scannedDirs = ['engine/src', 'server/src', 'editor/src', 'shared/src'];

/** A literal outside nodes/ that names a node type. Lines and columns count from 1. */
export interface NodeNameHit {
  line: number;
  column: number;
  /** The node types it names. */
  names: string[];
  /** The literal as written (an excerpt around the name when it is long). */
  literal: string;
}

/** A `node-name-ok` marker that is wrong: no reason, or nothing to allow. */
export interface MarkerProblem {
  line: number;
  column: number;
  message: string;
}

export interface NodeNameScan {
  /** The hits no marker allows: each fails the check. */
  hits: NodeNameHit[];
  /** How many hits a marker allowed. */
  allowed: number;
  problems: MarkerProblem[];
}

interface Marker {
  line: number;
  column: number;
  /** The 0-based lines it allows: its own and the next. */
  covers: number[];
  used: boolean;
}

const markerPattern = /^node-name-ok\b(?::\s*(.*))?/s;
const maxLiteral = 60;

/**
 * The node type names in one source file's literals. A literal is a hit when its text equals a name
 * or contains a name in single quotes (SQL in a template: `type = 'handoff'`). Comments and
 * identifiers never match.
 */
export function findNodeNames(text: string, fileName: string, names: readonly string[]): NodeNameScan {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const markers: Marker[] = [];
  const problems: MarkerProblem[] = [];
  for (const comment of comments(sf)) {
    const raw = text.slice(comment.pos, comment.end);
    const body = (comment.kind === ts.SyntaxKind.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, -2)).trim();
    const match = markerPattern.exec(body);
    if (!match) continue;
    const start = sf.getLineAndCharacterOfPosition(comment.pos);
    const endLine = sf.getLineAndCharacterOfPosition(comment.end).line;
    const marker = { line: start.line + 1, column: start.character + 1, covers: [start.line, endLine + 1], used: false };
    markers.push(marker);
    if (!match[1]?.trim())
      problems.push({
        line: marker.line,
        column: marker.column,
        message: 'node-name-ok needs a reason: // node-name-ok: <why this code may name a node type>',
      });
  }

  const hits: NodeNameHit[] = [];
  let allowed = 0;
  const visit = (node: ts.Node, templateStart: number | undefined): void => {
    if (ts.isTemplateExpression(node) || ts.isTemplateLiteralTypeNode(node)) templateStart = node.getStart(sf);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      const hit = literalHit(sf, node, names);
      if (hit) {
        const literalLine = sf.getLineAndCharacterOfPosition(templateStart ?? node.getStart(sf)).line;
        const lines = [literalLine, hit.line - 1];
        const covering = markers.filter((m) => m.covers.some((l) => lines.includes(l)));
        for (const m of covering) m.used = true;
        if (covering.length > 0) allowed++;
        else hits.push(hit);
      }
    }
    ts.forEachChild(node, (child) => visit(child, templateStart));
  };
  visit(sf, undefined);

  for (const m of markers) {
    if (!m.used) problems.push({ line: m.line, column: m.column, message: 'node-name-ok allows nothing here: remove the marker' });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { hits, allowed, problems };
}

function literalHit(sf: ts.SourceFile, node: ts.LiteralLikeNode, names: readonly string[]): NodeNameHit | undefined {
  const value = node.text;
  const start = node.getStart(sf);
  const source = sf.text.slice(start, node.end);
  if (names.includes(value)) return { ...position(sf, start), names: [value], literal: source };
  const quoted = names.filter((name) => value.includes(`'${name}'`));
  const first = quoted[0];
  if (first === undefined) return undefined;
  // Point at the name itself: in a long SQL template it is lines below the backtick.
  const offset = source.indexOf(`'${first}'`);
  const at = offset >= 0 ? start + offset : start;
  let literal = source.replace(/\s+/g, ' ');
  if (literal.length > maxLiteral) {
    const i = value.indexOf(`'${first}'`);
    const from = Math.max(0, i - 20);
    const to = Math.min(value.length, i + first.length + 22);
    literal = `${from > 0 ? '…' : ''}${value.slice(from, to).replace(/\s+/g, ' ')}${to < value.length ? '…' : ''}`;
  }
  return { ...position(sf, at), names: quoted, literal };
}

function position(sf: ts.SourceFile, pos: number): { line: number; column: number } {
  const { line, character } = sf.getLineAndCharacterOfPosition(pos);
  return { line: line + 1, column: character + 1 };
}

/** Every comment of the file, found in the trivia before each token (so never inside a string or template). */
function comments(sf: ts.SourceFile): ts.CommentRange[] {
  const found = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    // JSX text is not trivia: `<p>// not a comment</p>`.
    if (node.kind === ts.SyntaxKind.JsxText || node.kind === ts.SyntaxKind.JsxTextAllWhiteSpaces) return;
    const children = node.getChildren(sf);
    if (children.length === 0) {
      // Trailing: the comments on the line where the trivia starts; leading: those on later lines.
      const ranges = [...(ts.getTrailingCommentRanges(sf.text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(sf.text, node.pos) ?? [])];
      for (const range of ranges) found.set(range.pos, range);
      return;
    }
    for (const child of children) visit(child);
  };
  visit(sf);
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

/** The node types of the catalog, which must match the folders that have a definition.ts. */
function catalogNames(): string[] {
  const srcDir = join(root, 'nodes', 'src');
  const folders = readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(srcDir, d.name, 'definition.ts')))
    .map((d) => d.name)
    .sort();
  const catalog: string[] = [...nodeTypes].sort();
  const missingFolder = catalog.filter((t) => !folders.includes(t));
  const missingEntry = folders.filter((f) => !catalog.includes(f));
  if (missingFolder.length > 0 || missingEntry.length > 0) {
    const lines = ['node names: the catalog (nodeTypes in nodes/src/definitions.ts) and the folders nodes/src/*/definition.ts disagree.'];
    if (missingFolder.length > 0) lines.push(`  in nodeTypes but without nodes/src/<type>/definition.ts: ${missingFolder.join(', ')}`);
    if (missingEntry.length > 0) lines.push(`  folders with a definition.ts but not in nodeTypes: ${missingEntry.join(', ')}`);
    throw new CheckFailure(lines.join('\n'));
  }
  return catalog;
}

/** Tracked and new (not ignored) .ts/.tsx sources of the other packages, without tests. */
function scannedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...scannedDirs], { cwd: root, encoding: 'utf8' });
  const files = out
    .split('\0')
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !/(^|\/)test\//.test(f))
    .filter((f) => existsSync(join(root, f)));
  return [...new Set(files)].sort();
}

class CheckFailure extends Error {}

function main(args: string[]): number {
  if (args.length > 0) throw new CheckFailure(`unknown argument ${args.join(' ')}; usage: checkNodeNames.ts`);
  const names = catalogNames();
  const found: string[] = [];
  const problems: string[] = [];
  let allowed = 0;
  for (const file of scannedFiles()) {
    const scan = findNodeNames(readFileSync(join(root, file), 'utf8'), file, names);
    allowed += scan.allowed;
    if (scan.hits.length > 0) found.push(`${file}: ${count(scan.hits.length)}:`, ...scan.hits.map((h) => `  ${file}:${h.line}:${h.column}  ${h.literal}`));
    for (const p of scan.problems) problems.push(`${file}:${p.line}:${p.column}  ${p.message}`);
  }
  if (found.length === 0 && problems.length === 0) {
    console.log(`node names outside nodes/: none (${allowed} marked as words that only look like a node type)`);
    return 0;
  }
  console.error([...found, ...problems].join('\n'));
  if (found.length > 0) {
    console.error(
      '\nNode type names belong in nodes/ (.github/CONTRIBUTING.md, "Adding a node type"): let the engine read what the node declares, ' +
        'or mark a word that only looks like a type with `// node-name-ok: <reason>` on its line or the line before.',
    );
  }
  return 1;
}

function count(n: number): string {
  return `${n} node type name${n === 1 ? '' : 's'}`;
}

const invoked = process.argv[1];
if (invoked !== undefined && resolve(invoked) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
