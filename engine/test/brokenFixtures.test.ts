import { describe, expect, it } from 'vitest';
import { diagnosticCatalog, templateInfoSchema, waFlowInfoSchema } from '@tandem/shared';
import { validateFlow, type ValidateOptions } from '../src/compiler';
import { applyChanges, brokenFixtures, loadExample } from './fixtureKit';

const fixtures = brokenFixtures();

function optionsOf(raw: Record<string, unknown> | undefined): ValidateOptions {
  if (!raw) return {};
  return {
    ...(raw.templates ? { templates: templateInfoSchema.array().parse(raw.templates) } : {}),
    ...(raw.flowIds ? { flowIds: raw.flowIds as string[] } : {}),
    ...(raw.waFlows ? { waFlows: waFlowInfoSchema.array().parse(raw.waFlows) } : {}),
    ...(raw.now ? { now: new Date(raw.now as string) } : {}),
  };
}

describe('broken variants of the example flows', () => {
  it.each(fixtures.map((f) => [f.code, f.fixture] as const))('%s: reports exactly the expected diagnostics', (_code, fixture) => {
    const doc = applyChanges(loadExample(fixture.example), fixture.patch);
    expect(validateFlow(doc, optionsOf(fixture.options)).diagnostics).toEqual(fixture.expect);
  });

  it('has a failing fixture for every diagnostic a flow document can produce', () => {
    const documentLevel = Object.keys(diagnosticCatalog).filter((code) => code !== 'invalid-json');
    expect(fixtures.map((f) => f.code).sort()).toEqual(documentLevel.sort());
  });

  it.each(fixtures.map((f) => [f.code, f.fixture] as const))('%s: a one-click fix, applied, solves its problem and makes no new error', (_code, fixture) => {
    const doc = applyChanges(loadExample(fixture.example), fixture.patch);
    const options = optionsOf(fixture.options);
    const before = validateFlow(doc, options).diagnostics;
    for (const d of before.filter((x) => x.fix)) {
      const fixed = structuredClone(doc) as { nodes: { id: string; data: unknown }[]; edges: { source: string; sourceHandle: string }[] };
      fixed.nodes.find((n) => n.id === d.nodeId)!.data = d.fix!.config;
      fixed.edges = fixed.edges.filter((e) => e.source !== d.nodeId || !d.fix!.disconnect.includes(e.sourceHandle));
      const after = validateFlow(fixed, options).diagnostics;
      expect(after.filter((x) => x.nodeId === d.nodeId && x.code === d.code)).toEqual([]);
      const errors = (list: typeof before) => list.filter((x) => x.severity === 'error').map((x) => `${x.code}@${x.nodeId ?? ''}`);
      expect(errors(after).filter((e) => !errors(before).includes(e))).toEqual([]);
    }
  });

  it('offers a one-click fix somewhere, so the check above checks one', () => {
    expect(
      fixtures.some((f) =>
        validateFlow(applyChanges(loadExample(f.fixture.example), f.fixture.patch), optionsOf(f.fixture.options)).diagnostics.some((d) => d.fix),
      ),
    ).toBe(true);
  });

  it.each(fixtures.map((f) => [f.code, f.fixture] as const))('%s: its own code is among the diagnostics', (code, fixture) => {
    expect((fixture.expect as { code: string }[]).map((d) => d.code)).toContain(code);
  });
});
