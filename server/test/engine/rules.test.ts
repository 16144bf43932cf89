import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';

const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, port: string, target: string) => ({ id: `${source}-${port}`, source, sourceHandle: port, target });
const template = (id: string, name: string, category = 'UTILITY') =>
  node(id, 'send-template', {
    template: { name, language: 'en', category },
    ...(category === 'MARKETING' ? { buttons: [{ index: 0, type: 'quick_reply', value: 'stop' }], optOutButton: 0 } : {}),
  });

function eventFlow(name: string, event: string, reentry: string, steps: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[]) {
  return {
    schemaVersion: 1,
    name,
    settings: { reentry },
    nodes: [node('start', 'trigger-event', { event }), ...steps],
    edges: [edge('start', 'next', steps[0]!.id), ...edges],
  };
}

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness({ workspace: { settings: { pairGapMs: 0 } } });
});
afterAll(async () => h?.close());

const sentTo = (waId: string) =>
  h
    .sent()
    .filter((s) => s.to === `+${waId}`)
    .map((s) => s.template ?? s.text);
const runsOf = async (waId: string) =>
  h.q<{ flow_id: string; status: string; outcome: string | null }>(
    `SELECT r.flow_id, r.status, r.outcome FROM runs r JOIN contacts c ON c.id = r.contact_id WHERE c.wa_id = $1 ORDER BY r.id`,
    [waId],
  );

describe('entry rules', () => {
  it('never: a contact enters once; after completion: again once the run ended; always: every time', async () => {
    await h.publish(eventFlow('Once', 'promo.once', 'never', [template('t', 'once_only')], []));
    await h.publish(
      eventFlow(
        'Again',
        'promo.again',
        'after_completion',
        [node('w', 'wait', { mode: 'duration', duration: { amount: 1, unit: 'hours' } }), template('t', 'again')],
        [edge('w', 'next', 't')],
      ),
    );
    await h.publish(eventFlow('Always', 'promo.always', 'always', [template('t', 'always')], []));
    for (const e of ['promo.once', 'promo.once', 'promo.again', 'promo.again', 'promo.always', 'promo.always']) {
      await h.event('491700000001', e, {});
      await h.idle();
    }
    const runs = await runsOf('491700000001');
    const count = (status: string) => runs.filter((r) => r.status === status).length;
    expect(runs).toHaveLength(4);
    expect(count('active')).toBe(1);
    expect(sentTo('491700000001')).toEqual(['once_only', 'always', 'always']);
    await h.advance(3_600_000);
    await waitFor(() => sentTo('491700000001').length === 4, 20_000, 'the delayed send');
    await h.event('491700000001', 'promo.again', {});
    await h.idle();
    expect((await runsOf('491700000001')).length).toBe(5);
  });
});

describe('provider answers', () => {
  it('131050 records the opt-out and takes the error output; later marketing is blocked, utility still goes', async () => {
    const flow = eventFlow('Promo', 'promo.sale', 'always', [template('m', 'summer_sale', 'MARKETING'), template('u', 'receipt')], [edge('m', 'error', 'u')]);
    await h.publish(flow);
    h.standIn.failNext(131050, { to: '+491700000002' });
    await h.event('491700000002', 'promo.sale', {});
    await waitFor(() => sentTo('491700000002').length === 1, 20_000, 'the utility template');
    await h.idle();
    const [contact] = await h.q<{ marketing_consent: string; consent_source: string }>(
      `SELECT marketing_consent, consent_source FROM contacts WHERE wa_id = '491700000002'`,
    );
    expect(contact).toEqual({ marketing_consent: 'opted_out', consent_source: 'whatsapp error 131050' });

    const before = h.standIn.received().length;
    await h.event('491700000002', 'promo.sale', {});
    await waitFor(() => sentTo('491700000002').length === 2, 20_000, 'the second utility template');
    await h.idle();
    expect(h.standIn.received().length - before).toBe(1);
    expect(sentTo('491700000002')).toEqual(['receipt', 'receipt']);
    const steps = await h.q<{ detail: { error?: { code: string } } }>(
      `SELECT s.detail FROM run_steps s JOIN runs r ON r.id = s.run_id JOIN contacts c ON c.id = r.contact_id WHERE c.wa_id = '491700000002' AND s.kind = 'event' AND s.detail->>'outcome' = 'error' ORDER BY s.id`,
    );
    expect(steps.map((s) => s.detail.error?.code)).toEqual(['131050', 'opted_out']);
  });

  it('131048 pauses the whole number and holds the message instead of dropping it', async () => {
    await h.publish(eventFlow('Notice', 'notice.send', 'always', [template('n', 'notice')], []));
    h.standIn.failNext(131048, { to: '+491700000003' });
    await h.event('491700000003', 'notice.send', {});
    await waitFor(
      async () => (await h.q<{ r: string | null }>(`SELECT sends_paused_reason AS r FROM workspaces WHERE id = $1`, [h.workspaceId]))[0]!.r !== null,
      20_000,
      'the pause',
    );
    await h.idle();
    const [message] = await h.q<{ status: string }>(`SELECT status FROM messages WHERE contact_id = (SELECT id FROM contacts WHERE wa_id = '491700000003')`);
    expect(message).toEqual({ status: 'held' });
    expect((await runsOf('491700000003'))[0]).toMatchObject({ status: 'active' });
    await h.q(`UPDATE workspaces SET sends_paused_reason = NULL WHERE id = $1`, [h.workspaceId]);
  });
});

describe('HTTP requests from flows', () => {
  it('refuses a private address (here the cloud metadata endpoint) and takes the error output', async () => {
    const flow = eventFlow(
      'CRM',
      'crm.sync',
      'always',
      [node('call', 'http-request', { method: 'GET', url: 'http://169.254.169.254/latest/meta-data', timeoutMs: 1000 }), template('failed', 'sync_failed')],
      [edge('call', 'error', 'failed')],
    );
    await h.publish(flow);
    await h.event('491700000004', 'crm.sync', {});
    await waitFor(() => sentTo('491700000004').length === 1, 20_000, 'the error branch');
    const [log] = await h.q<{ detail: { error: { code: string } } }>(`SELECT detail FROM run_steps WHERE kind = 'event' AND detail->>'node' = 'call'`);
    expect(log!.detail.error.code).toBe('private_address');
  });
});

describe('go to flow', () => {
  it('ends the journey and starts the other flow with its variables', async () => {
    const target = {
      schemaVersion: 1,
      name: 'Follow-up',
      settings: { reentry: 'always' },
      nodes: [
        node('api', 'trigger-api', { fields: [{ name: 'coupon', path: 'coupon' }] }),
        node('t', 'send-template', { template: { name: 'coupon', language: 'en', category: 'UTILITY' }, body: [{ value: '{{trigger.coupon}}' }] }),
      ],
      edges: [edge('api', 'next', 't')],
    };
    const targetId = await h.publish(target);
    await h.publish(
      eventFlow(
        'Hand off',
        'journey.next',
        'always',
        [node('set', 'set-attribute', { operations: [{ target: 'vars', name: 'coupon', value: 'SAVE10' }] }), node('jump', 'go-to-flow', { flowId: targetId })],
        [edge('set', 'next', 'jump')],
      ),
    );
    await h.event('491700000005', 'journey.next', {});
    await waitFor(() => sentTo('491700000005').length === 1, 20_000, 'the template of the other flow');
    await h.idle();
    expect(h.sent().filter((s) => s.to === '+491700000005')[0]).toMatchObject({ template: 'coupon', params: ['SAVE10'] });
    const runs = await runsOf('491700000005');
    expect(runs.map((r) => [r.flow_id === targetId ? 'target' : 'source', r.status])).toEqual([
      ['source', 'completed'],
      ['target', 'completed'],
    ]);
  });
});
