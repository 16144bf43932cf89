import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portIdSchema } from '@tandem/shared';
import { definitionOf, definitions, nodeTypes } from '../src/definitions';
import { flowJsonSchema } from '../src/catalogJsonSchema';
import { createCompileContext } from '../src/compileContext';
import { parseNodeConfig } from '../src/parseConfig';

const srcDir = join(import.meta.dirname, '..', 'src');

describe('node catalog', () => {
  it('has one folder per node type, named like its JSON type', () => {
    const folders = readdirSync(srcDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'common')
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) expect(definitionOf(type).type).toBe(type);
    expect(Object.keys(definitions).sort()).toEqual([...nodeTypes].sort());
  });

  it.each(nodeTypes)('%s: defaults are valid settings with well-formed, unique ports', (type) => {
    const def = definitionOf(type);
    const parsed = parseNodeConfig(def, def.defaults);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
    const ports = def.ports(parsed.config).map((p) => p.id);
    expect(new Set(ports).size).toBe(ports.length);
    for (const p of ports) expect(portIdSchema.safeParse(p).success).toBe(true);
    expect(def.summary(parsed.config).length).toBeGreaterThan(0);
  });

  it.each(nodeTypes)('%s: compiles its defaults to plain JSON that starts by logging the entry', (type) => {
    const def = definitionOf(type);
    const parsed = parseNodeConfig(def, def.defaults);
    if (!parsed.ok) throw new Error('invalid defaults');
    const state = def.compile(parsed.config, createCompileContext('n1', new Map()));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.entry?.[0]).toEqual({ type: 'tandem.enter', params: { node: 'n1' } });
  });

  it('ships an up-to-date JSON Schema of flow documents (npx -y pnpm@10 --filter @tandem/nodes gen:schema)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'flow-document.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(flowJsonSchema());
  });
});
