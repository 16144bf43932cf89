import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { accountUpdateBody, type changeBody, startFullHarness, templateStatusBody, WABA_ID, type FullHarness } from '../support/fullHarness';
import { createWorkspace } from '../../src/services/workspaces';

// Account-level webhooks (account_update, quality, template status) carry no phone number id:
// they must reach the right workspace when one WhatsApp Business Account holds several numbers,
// and also when a workspace has no account id set.

let h: FullHarness;
let second: string;
beforeEach(async () => {
  h = await startFullHarness();
  second = await createWorkspace(h.db.db, h.secrets, {
    name: 'Lucky Shrub outlet',
    transport: 'cloud',
    phoneNumberId: '106540352242999',
    accessToken: 'second-number-token-1234',
    displayPhoneNumber: '+1 555-078-3999',
    wabaId: WABA_ID,
  });
});
afterEach(async () => h?.close());

const view = (workspaceId: string) => h.api(endpoints.getWorkspace, { workspaceId });
const withBody = (body: ReturnType<typeof changeBody>, change: (value: Record<string, unknown>) => void) => {
  change(body.entry[0]!.changes[0]!.value as Record<string, unknown>);
  return body;
};

describe('account-level webhooks reach the right workspace', () => {
  it('a disconnection of the second number of an account pauses that number only', async () => {
    await h.api(endpoints.updateWorkspace, {}, { body: { wabaId: WABA_ID } });
    await h.deliver(
      withBody(accountUpdateBody('PARTNER_REMOVED', { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' }), (v) => (v.phone_number = '15550783999')),
    );
    expect(await view(second)).toMatchObject({
      sendsPausedReason: 'WhatsApp PARTNER_REMOVED (PRIMARY_INACTIVITY)',
      alerts: [expect.objectContaining({ kind: 'disconnected' })],
    });
    expect(await view(h.workspaceId)).toMatchObject({ sendsPausedReason: null, alerts: [] });
  });

  it('a template status reaches every workspace of the account that has the template', async () => {
    await h.api(endpoints.updateWorkspace, {}, { body: { wabaId: WABA_ID } });
    await h.q(
      `INSERT INTO templates (workspace_id, name, language, category, status, source, info)
       SELECT w, 'spring_sale', 'en', 'MARKETING', 'APPROVED', 'meta', '{"name": "spring_sale", "language": "en", "category": "MARKETING", "status": "APPROVED"}'::jsonb FROM unnest($1::text[]) w`,
      [[h.workspaceId, second]],
    );
    await h.deliver(templateStatusBody({ event: 'PAUSED', name: 'spring_sale', language: 'en', category: 'MARKETING' }));
    for (const id of [h.workspaceId, second]) {
      expect((await view(id)).alerts).toEqual([expect.objectContaining({ kind: 'template', message: 'Template spring_sale (en) is paused' })]);
      const templates = (await h.api(endpoints.listTemplates, { workspaceId: id })).templates;
      expect(templates.map((t) => `${t.name}:${t.status}`)).toEqual(['spring_sale:PAUSED']);
    }
  });

  it('a workspace without an account id is found by its number', async () => {
    await h.deliver(
      withBody(accountUpdateBody('PARTNER_REMOVED', { reason: 'ACCOUNT_DISCONNECTED', initiated_by: 'USER' }), (v) => (v.phone_number = '15550783881')),
    );
    expect((await view(h.workspaceId)).sendsPausedReason).toBe('WhatsApp PARTNER_REMOVED (ACCOUNT_DISCONNECTED)');
    // The alert is stamped on the workspace's clock (which the harness runs ahead), like everything else it shows.
    const [alert] = (await view(h.workspaceId)).alerts;
    expect(Math.abs(Date.parse(alert!.at) - (await h.now()).getTime())).toBeLessThan(60_000);
    expect((await view(second)).sendsPausedReason).toBeNull();
  });
});
