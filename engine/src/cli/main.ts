import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '@tandem/shared';
import { flowJsonSchema } from '@tandem/nodes';
import { compileFlow, validateFlow } from '../compiler';
import { readJsonFile } from './readJsonFile';

const usage = `Usage:
  tandem validate <flow.json> [--json]   check a flow; exit 1 when it has errors
  tandem compile <flow.json>             print the XState machine config of a valid flow
  tandem schema                          print the JSON Schema of flow documents`;

/** `tandem` command line: exit 0 when fine, 1 when the flow has errors, 2 when it cannot run. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const file = rest.find((a) => !a.startsWith('--'));
  if (command === 'schema') {
    process.stdout.write(`${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if ((command !== 'validate' && command !== 'compile') || !file) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const read = await readJsonFile(path, readFile);
  if (!read.ok) {
    if (read.diagnostic) return report(file, [read.diagnostic], json);
    process.stderr.write(`tandem: ${read.message}\n`);
    return 2;
  }
  if (command === 'validate') {
    // Judged now: a one-off broadcast whose time has passed is flagged.
    return report(file, validateFlow(read.value, { now: new Date() }).diagnostics, json);
  }
  const compiled = compileFlow(read.value);
  if (!compiled.ok) return report(file, compiled.diagnostics, json);
  process.stdout.write(`${JSON.stringify(compiled.machine, null, 2)}\n`);
  return 0;
}

function report(file: string, diagnostics: Diagnostic[], json: boolean): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (json) {
    process.stdout.write(`${JSON.stringify({ file, ok: errors === 0, diagnostics }, null, 2)}\n`);
    return errors ? 1 : 0;
  }
  const warnings = diagnostics.length - errors;
  const counts = diagnostics.length === 0 ? 'no problems' : [plural(errors, 'error'), plural(warnings, 'warning')].filter(Boolean).join(', ');
  const lines = [`${file}: ${counts}`];
  for (const d of diagnostics) {
    const where = [d.nodeId && `step ${d.nodeId}`, d.edgeId && `connection ${d.edgeId}`].filter(Boolean).join(', ');
    lines.push(`  ${d.severity.padEnd(7)} ${d.code}${where ? ` (${where})` : ''}`);
    lines.push(`          ${d.message}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return errors ? 1 : 0;
}

function plural(n: number, word: string): string {
  return n ? `${n} ${word}${n === 1 ? '' : 's'}` : '';
}

process.exitCode = await main(process.argv.slice(2));
