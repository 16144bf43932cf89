import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { edge, flow, inbound, text, waitHours } from './flowKit';

const engineDir = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));

async function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: engineDir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('tandem validate', () => {
  it('points at the line and column of malformed JSON and exits 1', async () => {
    const r = await tandem('validate', file('broken.json', '{\n  "name": "Cart",\n  "nodes": [,]\n}'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('invalid-json');
    expect(r.stdout).toContain('The file is not valid JSON at line 3, column 13');
  });

  it('says a JSON file that is not a flow is not a flow', async () => {
    const r = await tandem('validate', file('package.json', '{"name": "my-shop", "version": "1.0.0"}'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not-a-flow');
    expect(r.stdout).toContain('This is not a Tandem flow: it has no "nodes" or "edges" list.');
  });

  it('explains why a message after a 25-hour wait is refused', async () => {
    const doc = flow([inbound(), waitHours('w', 25), text('m')], [edge('t', 'next', 'w'), edge('w', 'next', 'm')]);
    const r = await tandem('validate', file('late.json', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('late.json: 1 error');
    expect(r.stdout).toContain('window-closed-send (step m)');
    expect(r.stdout).toContain('up to 25 hours can pass between the contact\'s last message and this step ("Wait" (w) takes that long)');
  });

  it('prints machine-readable diagnostics with --json', async () => {
    const doc = flow([inbound(), waitHours('w', 25), text('m')], [edge('t', 'next', 'w'), edge('w', 'next', 'm')]);
    const r = await tandem('validate', file('late2.json', JSON.stringify(doc)), '--json');
    const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; nodeId: string }[] };
    expect(r.code).toBe(1);
    expect(out.ok).toBe(false);
    expect(out.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([['window-closed-send', 'm']]);
  });

  it('warns about a one-off broadcast in the past, and exits 0 (a warning does not block)', async () => {
    const doc = {
      schemaVersion: 1,
      name: 'Black Friday',
      nodes: [
        {
          id: 'friday',
          type: 'trigger-schedule',
          position: { x: 0, y: 0 },
          data: { schedule: { kind: 'once', at: '2020-11-27T09:00', timezone: 'Europe/Berlin' } },
        },
        { id: 'mark', type: 'set-attribute', position: { x: 0, y: 0 }, data: { addTags: ['black_friday'] } },
      ],
      edges: [{ id: 'e1', source: 'friday', sourceHandle: 'next', target: 'mark' }],
    };
    const r = await tandem('validate', file('past.json', JSON.stringify(doc)), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['broadcast-in-past']);
  });

  it('accepts a clean example and exits 0', async () => {
    const r = await tandem('validate', join(engineDir, 'examples', 'abandoned-cart.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('abandoned-cart.json: no problems');
  });

  it('exits 2 with a clear message when the file does not exist', async () => {
    const r = await tandem('validate', join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
});

describe('tandem compile', () => {
  it('prints the machine config of a valid flow', async () => {
    const r = await tandem('compile', join(engineDir, 'examples', 'order-updates.json'));
    expect(r.code).toBe(0);
    const machine = JSON.parse(r.stdout) as { initial: string; states: Record<string, unknown> };
    expect(machine.initial).toBe('$start');
    expect(Object.keys(machine.states)).toContain('wait_shipped');
  });

  it('refuses a flow with errors and prints why', async () => {
    const doc = flow([inbound(), waitHours('w', 25), text('m')], [edge('t', 'next', 'w'), edge('w', 'next', 'm')]);
    const r = await tandem('compile', file('late3.json', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('window-closed-send');
  });
});
