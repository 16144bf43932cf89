// Load-to-interactive benchmark of the built editor in headless Chromium (Debian's, via playwright-core).
// Serves dist/ on 127.0.0.1, opens ?bench=<size> (a generated flow), reads window.__tandemBench, then pans.
// Usage: npx -y pnpm@10 --filter @tandem/editor bench:load   (CHROMIUM=/path/to/chromium to override)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const dist = join(import.meta.dirname, '..', 'dist');
const size = Number(process.env.BENCH_SIZE ?? 506);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ttf': 'font/ttf' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = path === '/' || path === '\\' ? 'index.html' : path;
  try {
    const body = await readFile(join(dist, file));
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/?bench=${size}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => window.__tandemBench, undefined, { timeout: 120_000 });
    const report = await page.evaluate(() => {
      const { pan: _pan, ...rest } = window.__tandemBench;
      return rest;
    });
    const pan = await page.evaluate(() => window.__tandemBench.pan(120));
    const panAt1 = await page.evaluate(() => window.__tandemBench.pan(120, 1));
    const rendered = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
    results.push({ ...report, domNodes: rendered, pan, panAt1 });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const r of results) console.log(JSON.stringify(r));
const last = results.at(-1);
console.log(
  `\n${last.nodes} steps, ${last.edges} connections, ${last.domNodes} nodes in the DOM (median of ${runs} loads):\n` +
    `  rendered and measured: ${median(results.map((r) => r.renderedMs))} ms after navigation start\n` +
    `  interactive (checks done): ${median(results.map((r) => r.interactiveMs))} ms (checks alone ${median(results.map((r) => r.validateMs))} ms)\n` +
    `  pan, 120 frames, whole flow in view: mean ${median(results.map((r) => r.pan.meanMs))} ms/frame, p95 ${median(results.map((r) => r.pan.p95Ms))} ms, max ${median(results.map((r) => r.pan.maxMs))} ms\n` +
    `  pan, 120 frames, zoom 1: mean ${median(results.map((r) => r.panAt1.meanMs))} ms/frame, p95 ${median(results.map((r) => r.panAt1.p95Ms))} ms, max ${median(results.map((r) => r.panAt1.maxMs))} ms`,
);
