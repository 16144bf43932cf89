import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagnostic, type Diagnostic } from '@tandem/shared';
import { smallFlow } from '../../test/fixtures';
import { createFlowStore } from '../store/flowStore';
import { publishIssuesToDiagnostics } from './fromServer';
import { createValidationStore, runValidation, startServerValidation } from './validationStore';

const unknownTemplate = (nodeId: string) =>
  diagnostic('unknown-template', `Template "x" does not exist in this workspace.`, { nodeId, path: ['template', 'name'] });

function setup() {
  const flow = createFlowStore();
  flow.getState().load(smallFlow());
  const validation = createValidationStore();
  runValidation(flow, validation);
  return { flow, validation };
}

describe("the server's workspace checks", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('adds what only the server knows to the local problems, and nothing twice', async () => {
    const { flow, validation } = setup();
    const local = validation.getState().diagnostics.length;
    // The server repeats a local finding and adds a workspace one.
    const check = vi.fn(async () => [...validation.getState().diagnostics, unknownTemplate('thanks')]);
    startServerValidation(flow, validation, check);
    await vi.advanceTimersByTimeAsync(0);
    const s = validation.getState();
    expect(s.server.state).toBe('done');
    expect(s.diagnostics).toHaveLength(local + 1);
    expect(s.byNode.get('thanks')!.errors).toBe(1);
    expect(s.errorCount).toBe(1);
    expect(s.localErrorCount).toBe(0);
  });

  it('asks again a while after an edit, reports "checking" meanwhile, and drops an answer about an older version', async () => {
    const { flow, validation } = setup();
    let answer: (d: Diagnostic[]) => void = () => undefined;
    const check = vi.fn(() => new Promise<Diagnostic[]>((resolve) => (answer = resolve)));
    startServerValidation(flow, validation, check, 500);
    flow.getState().updateNodeData('thanks', { message: { kind: 'text', text: 'Great!!' } });
    expect(validation.getState().server.state).toBe('checking');
    answer([unknownTemplate('thanks')]); // about the document before the edit
    await vi.advanceTimersByTimeAsync(0);
    expect(validation.getState().serverDiagnostics).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(check).toHaveBeenCalledTimes(2);
    answer([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(validation.getState().server.state).toBe('done');
  });

  it('forgets a problem of a step deleted since the server looked', async () => {
    const { flow, validation } = setup();
    startServerValidation(flow, validation, async () => [unknownTemplate('thanks')], 10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(validation.getState().byNode.get('thanks')?.errors).toBe(1);
    flow.getState().select({ nodes: new Set(['thanks']) });
    flow.getState().deleteSelection();
    runValidation(flow, validation);
    expect(validation.getState().diagnostics.some((d) => d.code === 'unknown-template')).toBe(false);
  });
});

describe('publishIssuesToDiagnostics', () => {
  it('puts each refused-publish issue back on its step and setting', () => {
    expect(
      publishIssuesToDiagnostics([
        { path: ['nodes', 'remind', 'body'], message: '"cart" has 2 body variable(s); the step fills 1.', code: 'template-parameters' },
        { path: [], message: 'The flow has no trigger', code: 'no-trigger' },
        { path: ['nodes', 'x'], message: 'odd', code: 'not-a-code' },
      ]),
    ).toEqual([
      { code: 'template-parameters', severity: 'error', message: '"cart" has 2 body variable(s); the step fills 1.', nodeId: 'remind', path: ['body'] },
      { code: 'no-trigger', severity: 'error', message: 'The flow has no trigger' },
      { code: 'invalid-config', severity: 'error', message: 'odd', nodeId: 'x' },
    ]);
  });
});
