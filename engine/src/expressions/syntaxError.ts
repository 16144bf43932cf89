/** A syntax error in words: what was expected, where (0-based, `end` exclusive). */
export interface SyntaxProblem {
  /** The sentence with its column, e.g. "Expected a value after `>` at column 12". */
  message: string;
  /** The same without the column, for messages that place it themselves (a text's placeholder). */
  reason: string;
  offset: number;
  end: number;
}

/** What the CEL library throws: a code, a message naming tokens (`GT`, `EOF`) and where. */
interface CelParseError {
  code?: string;
  message?: string;
  node?: { pos?: number; start?: number; end?: number };
}

const tokenWords: Record<string, string> = {
  EOF: 'the end',
  NUMBER: 'a number',
  STRING: 'a text in quotes',
  BOOLEAN: '`true` or `false`',
  NULL: '`null`',
  IDENTIFIER: 'a name',
  BYTES: 'bytes',
  PLUS: '`+`',
  MINUS: '`-`',
  MULTIPLY: '`*`',
  DIVIDE: '`/`',
  MODULO: '`%`',
  EQ: '`==`',
  NE: '`!=`',
  LT: '`<`',
  LE: '`<=`',
  GT: '`>`',
  GE: '`>=`',
  AND: '`&&`',
  OR: '`||`',
  NOT: '`!`',
  IN: '`in`',
  LPAREN: '`(`',
  RPAREN: '`)`',
  LBRACKET: '`[`',
  RBRACKET: '`]`',
  LBRACE: '`{`',
  RBRACE: '`}`',
  DOT: '`.`',
  COMMA: '`,`',
  COLON: '`:`',
  QUESTION: '`?`',
};

const closers: Record<string, string> = { RPAREN: '(', RBRACKET: '[', RBRACE: '{' };
const operators = new Set(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', 'in', '?', ':', ',', '(', '[', '{', '.']);

/**
 * Rewrites a CEL parse error for a marketer: token names in symbols (`>` not `GT`), the thing that
 * was expected, and the column (1-based) of the character to mark.
 */
export function describeSyntaxError(source: string, error: unknown): SyntaxProblem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as CelParseError;
  const raw = (e.message ?? String(error)).split('\n')[0] ?? '';
  const start = clamp(e.node?.start ?? e.node?.pos ?? 0, source.length);
  const end = Math.max(start + 1, clamp(e.node?.end ?? start + 1, source.length));
  const atEnd = start >= source.trimEnd().length;
  const found = atEnd ? 'the end' : `\`${source.slice(start, Math.max(end, start + 1))}\``;
  const before = previousToken(source, start);

  if (e.code === 'unterminated_string' || e.code === 'unterminated_triple_quoted_string' || e.code === 'newline_in_string') {
    const quote = source[start] ?? '"';
    return at(
      `The text in quotes starting here is not closed: add the closing ${quote}`,
      start,
      start + 1,
      (col) => `The text in quotes at column ${col} is not closed: add the closing ${quote}`,
    );
  }
  const expected = /^Expected (\w+), got (\w+)/.exec(raw);
  if (expected) {
    const [, want = '', got = ''] = expected;
    const opener = closers[want];
    if (opener) {
      const open = unclosed(source, opener, start);
      if (open !== undefined)
        return at(
          `The \`${opener}\` here is never closed: expected ${tokenWords[want]}`,
          open,
          open + 1,
          (col) => `The \`${opener}\` at column ${col} is never closed: expected ${tokenWords[want]}, found ${wordOf(got, found)}`,
        );
    }
    if (want === 'IDENTIFIER' && before?.text === '.')
      return at(
        'Expected a field name after `.`',
        before.start,
        before.start + 1,
        (col) => `Expected a field name after \`.\` at column ${col}, found ${wordOf(got, found)}`,
      );
    if (want === 'COLON')
      return at(
        'A choice with `?` needs `:` and a value for the other case',
        start,
        end,
        (col) => `Expected \`:\` at column ${col}: a choice with \`?\` needs a value for each case`,
      );
    return at(
      `Expected ${tokenWords[want] ?? want}, found ${wordOf(got, found)}`,
      start,
      end,
      (col) => `Expected ${tokenWords[want] ?? want} at column ${col}, found ${wordOf(got, found)}`,
    );
  }
  const unexpectedToken = /^Unexpected token: (\w+)/.exec(raw);
  if (unexpectedToken) {
    const got = unexpectedToken[1] ?? '';
    if (before && operators.has(before.text) && !')]}'.includes(before.text)) {
      if (got === 'EOF')
        return at(`Expected a value after \`${before.text}\``, before.start, before.end, (col) => `Expected a value after \`${before.text}\` at column ${col}`);
      return at(
        `Expected a value after \`${before.text}\`, found ${wordOf(got, found)}`,
        start,
        end,
        (col) => `Expected a value after \`${before.text}\`, found ${wordOf(got, found)} at column ${col}`,
      );
    }
    if (!before)
      return at(`Expected a value, found ${wordOf(got, found)}`, start, end, (col) => `Expected a value at column ${col}, found ${wordOf(got, found)}`);
    return at(`Unexpected ${wordOf(got, found)}`, start, end, (col) => `Unexpected ${wordOf(got, found)} at column ${col}`);
  }
  if (e.code === 'unexpected_character') {
    const ch = source[start] ?? '';
    if (ch === '=' && source[start + 1] !== '=')
      return at('A single `=` cannot compare: write `==`', start, start + 1, (col) => `A single \`=\` at column ${col} cannot compare: write \`==\``);
    const opener = closers[{ ')': 'RPAREN', ']': 'RBRACKET', '}': 'RBRACE' }[ch] ?? ''];
    if (opener)
      return at(
        `This \`${ch}\` closes nothing: there is no \`${opener}\` before it`,
        start,
        start + 1,
        (col) => `The \`${ch}\` at column ${col} closes nothing: there is no \`${opener}\` before it`,
      );
    if (before && !operators.has(before.text))
      return at(
        `Expected an operator such as \`==\`, \`&&\` or \`+\` between \`${before.text}\` and ${found}`,
        start,
        end,
        (col) => `Expected an operator such as \`==\`, \`&&\` or \`+\` before ${found} at column ${col}`,
      );
    return at(`Unexpected ${found}`, start, start + 1, (col) => `Unexpected ${found} at column ${col}`);
  }
  return at(raw, start, end, (col) => `${raw} (column ${col})`);
}

function at(reason: string, offset: number, end: number, withColumn: (column: number) => string): SyntaxProblem {
  return { message: withColumn(offset + 1), reason, offset, end };
}

function wordOf(token: string, found: string): string {
  return token === 'EOF' ? 'the end' : token === 'IDENTIFIER' || token === 'NUMBER' || token === 'STRING' ? found : (tokenWords[token] ?? found);
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(0, n), length);
}

/** The token that ends before `pos`: an operator or bracket, or a run of name characters. */
function previousToken(source: string, pos: number): { text: string; start: number; end: number } | undefined {
  let i = Math.min(pos, source.length);
  while (i > 0 && /\s/.test(source[i - 1] ?? '')) i--;
  if (i === 0) return undefined;
  const end = i;
  const two = source.slice(i - 2, i);
  if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) return { text: two, start: i - 2, end };
  if (/[\w"']/.test(source[i - 1] ?? '')) {
    while (i > 0 && /[\w"']/.test(source[i - 1] ?? '')) i--;
    return { text: source.slice(i, end), start: i, end };
  }
  return { text: source[i - 1] ?? '', start: i - 1, end };
}

/** The innermost `opener` before `pos` that no closer matches (strings skipped). */
function unclosed(source: string, opener: string, pos: number): number | undefined {
  const closer = { '(': ')', '[': ']', '{': '}' }[opener];
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < pos && i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === opener) stack.push(i);
    else if (ch === closer) stack.pop();
  }
  return stack.at(-1);
}
