import { performance } from 'node:perf_hooks';
import { compileFlow } from '../src/compiler';
import { generateFlow } from './generateFlow';

/** Prints how long validate + compile takes for generated flows of 50, 500 and 5,000 steps. */
const sizes = [50, 500, 5_000];
const rows: string[][] = [];
for (const size of sizes) {
  const doc = generateFlow(size);
  const json = JSON.stringify(doc);
  const runs = size >= 5_000 ? 10 : 40;
  for (let i = 0; i < 3; i++) compileFlow(JSON.parse(json));
  const times: number[] = [];
  let problems = 0;
  for (let i = 0; i < runs; i++) {
    const input = JSON.parse(json);
    const t0 = performance.now();
    const result = compileFlow(input);
    times.push(performance.now() - t0);
    if (!result.ok) problems = result.diagnostics.length;
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  const nodes = (doc.nodes as unknown[]).length;
  rows.push([String(nodes), String((doc.edges as unknown[]).length), pick(0.5), pick(0.95), String(runs), problems ? `${problems} errors!` : 'valid']);
}
const header = ['steps', 'connections', 'median ms', 'p95 ms', 'runs', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(`validate + compile (node ${process.version}, ${process.arch})`);
console.log(line(header));
for (const r of rows) console.log(line(r));
const fiveHundred = rows[1]!;
console.log(`target: 500 steps under 50 ms → median ${fiveHundred[2]} ms ${Number(fiveHundred[2]) < 50 ? '(met)' : '(NOT met)'}`);
