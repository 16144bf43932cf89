import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { demoWaFlows } from '../../src/services/demo/demoWaFlows';
import { ADMIN_KEY, WABA_ID, inboundAt, inboundBody, startFullHarness, type FullHarness } from '../support/fullHarness';

const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;
const HOUR = 3_600_000;
const example = () =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', 'lead-signup-form.json'), 'utf8')) as Record<string, any>;

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
  // The account's Flows and templates, as Meta lists them; the workspace syncs them like a user would.
  h.standIn.setFlows(WABA_ID, demoWaFlows);
  h.standIn.setTemplates(WABA_ID, [
    {
      name: 'lead_form_invite',
      language: 'en',
      status: 'APPROVED',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Hi {{1}}, want garden tips from Lucky Shrub?' },
        { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Sign up', flow_id: '2814653498770231' }] },
      ],
    },
  ]);
  await h.api(endpoints.updateWorkspace, {}, { body: { wabaId: WABA_ID } });
  expect(await h.api(endpoints.syncWaFlows)).toEqual({ synced: 2, unreadable: [] });
  expect(await h.api(endpoints.syncTemplates)).toEqual({ synced: 1 });
});
afterEach(async () => h?.close());

/** The Cloud API send bodies the stand-in accepted, in order. */
const sends = () =>
  h.standIn
    .received()
    .filter((r) => r.response.status === 200 && (r.body as { type?: string }).type)
    .map((r) => ({ body: r.body as Record<string, any>, wamid: (r.response.body as { messages: { id: string }[] }).messages[0]!.id }));

/** The contact submits the Flow on their phone: WhatsApp's nfm_reply, tied to the Flow message. */
async function submitted(contextWamid: string, token: string, answers: Record<string, unknown>) {
  return inboundBody([
    {
      timestamp: String(Math.floor((await h.now()).getTime() / 1000)),
      from: CUSTOMER,
      id: `wamid.in.${Math.random().toString(36).slice(2)}`,
      type: 'interactive',
      context: { from: '15550783881', id: contextWamid },
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify({ flow_token: token, ...answers }) } },
    },
  ]);
}

const attributes = async () =>
  (await h.q<{ attributes: Record<string, unknown> }>(`SELECT attributes FROM contacts WHERE wa_id = $1`, [CUSTOMER]))[0]!.attributes;

describe('Send WhatsApp Flow, through the real webhook endpoint, worker and Cloud API stand-in', () => {
  it('sends the Flow in the window, takes the submitted answers into the contact and the journey, and goes on', async () => {
    await h.publish(example());
    await h.deliver(inboundAt(CUSTOMER, 'I want to join', await h.now()));
    await h.idle();

    const [flowSend] = sends();
    const [run] = await h.q<{ id: number; current_node: string }>(`SELECT id, current_node FROM runs`);
    const token = `tandem.${run!.id}.2814653498770231`;
    expect(flowSend!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      biz_opaque_callback_data: expect.any(String),
      type: 'interactive',
      interactive: {
        type: 'flow',
        header: { type: 'text', text: 'Lucky Shrub' },
        body: { text: 'Hi Sheena Nelson! Tell us a little about you and we will send you tips that fit.' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: token,
            flow_id: '2814653498770231',
            flow_cta: 'Sign up',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'LEAD_FORM' },
          },
        },
      },
    });
    expect(run!.current_node).toBe('form');

    // A text while the form is open does not count as the answer; the journey keeps waiting for it.
    await h.deliver(inboundAt(CUSTOMER, 'one moment', await h.now()));
    expect(sends()).toHaveLength(1);

    await h.deliver(
      await submitted(flowSend!.wamid, token, { name: 'Sheena', email: 'sheena@example.com', interest: 'indoor_plants', marketing_opt_in: true }),
    );
    await h.idle();
    expect(h.wire()).toEqual([
      `${TO}: Hi Sheena Nelson! Tell us a little about you and we will send you tips that fit.`,
      `${TO}: Thanks Sheena! Your first tips are on their way to sheena@example.com.`,
    ]);
    expect(await attributes()).toEqual({ first_name: 'Sheena', email: 'sheena@example.com', interest: 'indoor_plants' });
    const finished = await h.api(endpoints.getRun, { id: run!.id });
    expect(finished).toMatchObject({ status: 'completed', outcome: 'signed_up' });
    const [snapshot] = await h.q<{ vars: Record<string, unknown> }>(`SELECT snapshot -> 'context' -> 'vars' AS vars FROM runs WHERE id = $1`, [run!.id]);
    expect(snapshot!.vars).toEqual({ wants_offers: true });
    // The run log shows the answers the step received.
    expect(finished.steps.find((s) => s.kind === 'event' && s.detail?.kind === 'flow_reply')?.detail).toMatchObject({
      type: 'message.received',
      data: { name: 'Sheena', email: 'sheena@example.com', interest: 'indoor_plants', marketing_opt_in: true },
    });
    // The thread shows the Flow message and the answers as the contact sent them.
    const thread = await h.q<{ direction: string; type: string; content: Record<string, any> }>(
      `SELECT direction, type, content FROM messages WHERE contact_id = (SELECT id FROM contacts WHERE wa_id = $1) ORDER BY id`,
      [CUSTOMER],
    );
    expect(thread.map((m) => `${m.direction}:${m.type}`)).toEqual(['in:text', 'out:flow', 'in:text', 'in:interactive', 'out:text']);
    expect(JSON.parse(thread[3]!.content.nfm_reply.response_json)).toMatchObject({ email: 'sheena@example.com' });
  });

  it('outside the 24-hour window sends the template with the Flow button instead, and the submitted Flow continues the journey', async () => {
    const doc = example();
    doc.nodes[0] = { id: 'join', type: 'trigger-api', position: { x: 0, y: 0 }, data: {} };
    doc.nodes[1].data.outsideWindow = {
      name: 'lead_form_invite',
      language: 'en',
      category: 'MARKETING',
      buttonIndex: 0,
      body: ['{{contact.profile_name | "there"}}'],
    };
    doc.edges = doc.edges.filter((e: { source: string; sourceHandle: string }) => e.sourceHandle !== 'window_closed' || e.source !== 'form');
    doc.nodes[2] = {
      ...doc.nodes[2],
      type: 'send-template',
      data: { template: { name: 'lead_form_invite', language: 'en', category: 'MARKETING' }, body: [{ value: 'again' }] },
    };
    doc.edges = doc.edges.filter((e: { source: string; sourceHandle: string }) => !(e.source === 'thanks' && e.sourceHandle === 'window_closed'));
    const flowId = await h.publish(doc);
    await h.q(`INSERT INTO contacts (workspace_id, wa_id, phone, profile_name, marketing_consent) VALUES ($1, $2, $3, 'Sheena', 'opted_in')`, [
      h.workspaceId,
      CUSTOMER,
      TO,
    ]);
    await h.api(endpoints.startRun, { flowId }, { body: { contact: { waId: CUSTOMER } } });
    await h.idle();

    const [run] = await h.q<{ id: number }>(`SELECT id FROM runs`);
    const token = `tandem.${run!.id}.2814653498770231`;
    const [invite] = sends();
    expect(invite!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      biz_opaque_callback_data: expect.any(String),
      type: 'template',
      template: {
        name: 'lead_form_invite',
        language: { code: 'en' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'Sheena' }] },
          { type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: token } }] },
        ],
      },
    });
    // The thread records what went out: the template, not the Flow message it stood in for.
    const [out] = await h.q<{ type: string; category: string | null }>(`SELECT type, category FROM messages WHERE direction = 'out'`);
    expect(out).toEqual({ type: 'template', category: 'MARKETING' });

    await h.advance(2 * HOUR);
    await h.deliver(await submitted(invite!.wamid, token, { name: 'Sheena', email: 'sheena@example.com', interest: 'workshops', marketing_opt_in: false }));
    await h.idle();
    expect(await attributes()).toEqual({ first_name: 'Sheena', email: 'sheena@example.com', interest: 'workshops' });
    expect(await h.api(endpoints.getRun, { id: run!.id })).toMatchObject({ status: 'completed', outcome: 'signed_up' });
    expect(h.wire()).toEqual([`${TO}: template lead_form_invite`, `${TO}: template lead_form_invite`]);
  });

  it('when WhatsApp says the window is closed although Tandem thought it open (131047), sends the Flow-button template instead', async () => {
    const doc = example();
    doc.nodes[1].data.outsideWindow = { name: 'lead_form_invite', language: 'en', category: 'MARKETING', buttonIndex: 0, body: ['there'] };
    doc.edges = doc.edges.filter((e: { source: string; sourceHandle: string }) => !(e.source === 'form' && e.sourceHandle === 'window_closed'));
    await h.publish(doc);
    await h.q(`INSERT INTO contacts (workspace_id, wa_id, phone, marketing_consent) VALUES ($1, $2, $3, 'opted_in')`, [h.workspaceId, CUSTOMER, TO]);
    h.standIn.failNext(131047);
    await h.deliver(inboundAt(CUSTOMER, 'join', await h.now()));
    await h.idle();
    const refused = h.standIn.received().filter((r) => (r.body as { type?: string }).type);
    expect(refused.map((r) => `${r.response.status} ${(r.body as { type: string }).type}`)).toEqual(['400 interactive', '200 template']);
    expect(h.wire()).toEqual([`${TO}: template lead_form_invite`]);
    const [out] = await h.q<{ type: string; status: string }>(`SELECT type, status FROM messages WHERE direction = 'out'`);
    expect(out).toEqual({ type: 'template', status: 'sent' });
    const [run] = await h.q<{ current_node: string; status: string }>(`SELECT current_node, status FROM runs`);
    expect(run).toEqual({ current_node: 'form', status: 'active' });
  });

  it('refuses to publish a journey sending a WhatsApp Flow the workspace does not have, saying which', async () => {
    const doc = example();
    doc.nodes[1].data.flow = { id: '99999999', name: 'old_signup' };
    const created = await h.app.request(endpoints.createFlow.path.replace('{workspaceId}', h.workspaceId), {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ document: doc }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await h.app.request(endpoints.publishFlow.path.replace('{workspaceId}', h.workspaceId).replace('{flowId}', id), {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { diagnostics?: { code: string; message: string; nodeId: string }[] } };
    expect(JSON.stringify(body)).toContain('The WhatsApp Flow \\"old_signup\\" (id 99999999) is not in this workspace.');
    expect((await h.q(`SELECT id FROM flow_versions WHERE flow_id = $1`, [id])).length).toBe(0);
  });
});
