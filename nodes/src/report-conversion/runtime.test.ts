import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { reportConversion } from './definition';
import { reportConversionRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';
import { fakePorts } from '../../test/fakePorts';

const scope: Scope = { contact: {}, vars: { total: '49.90', cur: 'eur' }, trigger: {}, now: new Date('2026-03-02T09:00:00.000Z') };
const caps = fakeCaps({ evaluate: (e, s) => (e === 'vars.total' ? s.vars.total : e === 'vars.cur' ? s.vars.cur : e === 'vars.none' ? 'n/a' : undefined) });
const effect = reportConversionRuntime.effects!.report!;
const payload = (data: Record<string, unknown>) =>
  effect.payloadFrom(configOf(reportConversion, data), { scope, event: { type: 'run.start', node: 'r', runId: '1', trigger: {} }, caps });

describe('report-conversion runtime', () => {
  it('reports a purchase with the value and currency the expressions give', async () => {
    const p = payload({ event: 'Purchase', value: 'vars.total', currency: 'vars.cur' });
    expect(p).toEqual({ eventName: 'Purchase', value: 49.9, currency: 'EUR' });
    const { calls, ports } = fakePorts();
    await effect.run(effect.payload.parse(p), ports);
    expect(calls).toEqual([{ reportConversion: { eventName: 'Purchase', value: 49.9, currency: 'EUR' } }]);
  });

  it('reports a lead without value, and leaves out a value that is not a number', () => {
    expect(payload({})).toEqual({ eventName: 'LeadSubmitted', value: null, currency: null });
    expect(payload({ event: 'Purchase', value: 'vars.none', currency: 'USD' })).toEqual({ eventName: 'Purchase', value: null, currency: 'USD' });
  });

  it('asks for a currency code in capitals', () => {
    expect(reportConversion.config.safeParse({ event: 'Purchase', currency: 'eur' }).success).toBe(false);
    expect(reportConversion.config.safeParse({ event: 'Lead' }).success).toBe(false);
  });
});
