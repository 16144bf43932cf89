import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../support/engineHarness';
import type { NewWorkspace } from '../../src/services/workspaces';

const HOUR = 3_600_000;
const CUSTOMER = '16505551234';
const at = { x: 0, y: 0 };

/** Asks for feedback after a delivery without sending anything first, then thanks the contact an hour later. */
const feedbackFlow = (settings: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  name: 'Delivery feedback',
  settings,
  nodes: [
    { id: 'delivered', type: 'trigger-event', position: at, data: { event: 'order.delivered' } },
    { id: 'feedback', type: 'bot-question', position: at, data: { prompt: { kind: 'none' }, answerType: 'text', saveTo: { scope: 'vars', name: 'feedback' } } },
    { id: 'later', type: 'wait', position: at, data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
    { id: 'thanks', type: 'send-message', position: at, data: { message: { kind: 'text', text: 'Thanks for telling us!' } } },
  ],
  edges: [
    { id: 'e1', source: 'delivered', sourceHandle: 'next', target: 'feedback' },
    { id: 'e2', source: 'feedback', sourceHandle: 'next', target: 'later' },
    { id: 'e3', source: 'later', sourceHandle: 'next', target: 'thanks' },
  ],
});

const read = (wamid: string) => ({ messaging_product: 'whatsapp', status: 'read', message_id: wamid });
const readAndTyping = (wamid: string) => ({ ...read(wamid), typing_indicator: { type: 'text' } });

let h: EngineHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A workspace with the feedback flow live and the contact's journey waiting for their reply. */
async function waitingForFeedback(workspace: Partial<NewWorkspace>, flowSettings: Record<string, unknown> = {}): Promise<EngineHarness> {
  h = await startEngineHarness({ workspace });
  await h.publish(feedbackFlow(flowSettings));
  await h.event(CUSTOMER, 'order.delivered', {});
  await h.idle();
  expect(await h.run(CUSTOMER)).toMatchObject({ current_node: 'feedback', waiting_for: 'reply' });
  return h;
}

/** The mark-as-read requests the Cloud API stand-in received, as their bodies. */
const receipts = (harness: EngineHarness) =>
  harness.standIn
    .received()
    .filter((r) => (r.body as { status?: unknown }).status === 'read')
    .map((r) => r.body);

/** The reply, once the worker has applied it and run what it queued. */
async function reply(harness: EngineHarness, text: string): Promise<string> {
  const wamid = await harness.inbound(CUSTOMER, text);
  await harness.idle();
  return wamid;
}

describe('read receipts and the typing indicator', () => {
  it('marks the answer to a question read and shows typing, once, when the workspace is set to read and typing', async () => {
    const harness = await waitingForFeedback({ settings: { readReceipts: 'read_and_typing' } });
    const wamid = await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([readAndTyping(wamid)]);
  });

  it('marks the answer read without the typing indicator when the workspace is set to read', async () => {
    const harness = await waitingForFeedback({ settings: { readReceipts: 'read' } });
    const wamid = await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([read(wamid)]);
  });

  it('leaves the message unread when the workspace turns it off, and the journey still takes the answer', async () => {
    const harness = await waitingForFeedback({ coexistence: false, settings: { readReceipts: 'off' } });
    await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([]);
    expect(await harness.run(CUSTOMER)).toMatchObject({ current_node: 'later', waiting_for: 'timer' });
  });

  it('leaves messages unread on a coexistence number that has not chosen, so the Business App keeps its unread badge', async () => {
    const harness = await waitingForFeedback({ coexistence: true });
    await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([]);
  });

  it('leaves messages unread on a Cloud-API-only number that has not chosen either: marking read is opt-in', async () => {
    const harness = await waitingForFeedback({ coexistence: false });
    await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([]);
  });

  it("follows the flow's own choice over the workspace's: off in the flow wins over read and typing", async () => {
    const harness = await waitingForFeedback({ settings: { readReceipts: 'read_and_typing' } }, { readReceipts: 'off' });
    await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([]);
  });

  it("follows the flow's own choice over the workspace's: read in the flow wins over off", async () => {
    const harness = await waitingForFeedback({ settings: { readReceipts: 'off' } }, { readReceipts: 'read' });
    const wamid = await reply(harness, 'Arrived early, thanks');
    expect(receipts(harness)).toEqual([read(wamid)]);
  });

  it('marks the message that starts a journey read', async () => {
    h = await startEngineHarness({ workspace: { settings: { readReceipts: 'read_and_typing' } } });
    await h.publish({
      schemaVersion: 1,
      name: 'Hello',
      nodes: [
        { id: 'hi', type: 'trigger-message', position: at, data: { match: 'keywords', keywords: ['hi'] } },
        { id: 'done', type: 'end', position: at, data: { outcome: 'greeted' } },
      ],
      edges: [{ id: 'e1', source: 'hi', sourceHandle: 'next', target: 'done' }],
    });
    const wamid = await h.inbound(CUSTOMER, 'Hi');
    await h.idle();
    expect(receipts(h)).toEqual([readAndTyping(wamid)]);
  });

  it('drops a receipt the Cloud API refuses: the journey moves on and the next message still goes out', async () => {
    const harness = await waitingForFeedback({ settings: { readReceipts: 'read' } });
    harness.standIn.failNext(131000);
    const wamid = await reply(harness, 'Arrived early, thanks');
    expect(harness.standIn.received().map((r) => ({ body: r.body, status: r.response.status }))).toEqual([{ body: read(wamid), status: 500 }]);
    expect(await harness.q(`SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'mark-read'`)).toEqual([]);
    expect(await harness.run(CUSTOMER)).toMatchObject({ current_node: 'later', waiting_for: 'timer' });

    await harness.advance(HOUR);
    await harness.idle();
    expect(harness.sent().map((s) => s.text)).toEqual(['Thanks for telling us!']);
    expect(receipts(harness)).toHaveLength(1);
  });
});
