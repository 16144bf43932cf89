import { describe, expect, it } from 'vitest';
import { dedupKey } from './dedupKey';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { fixtureJson } from './testFixtures';

function keysOf(fixture: string) {
  const result = parseWhatsAppWebhook(fixtureJson(fixture));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.changes.flatMap((change) => change.events.map(dedupKey));
}

describe('dedupKey', () => {
  it('keys inbound messages by wamid', () => {
    expect(keysOf('messages-image')).toStrictEqual(['wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=']);
  });

  it('keys statuses by wamid and status, so each step of one message counts once', () => {
    expect(keysOf('multi-entry')).toStrictEqual(['wamid.MULTI.IN.1', 'wamid.MULTI.IN.2', 'wamid.MULTI.OUT.1:delivered', 'wamid.MULTI.OUT.1:read', 'wamid.MULTI.ECHO.1']);
  });

  it('keys edits and revokes by their own wamid', () => {
    expect(keysOf('edit-revoke')).toStrictEqual(['wamid.EDIT.1', 'wamid.REVOKE.1']);
  });

  it('keys a history media follow-up apart from the placeholder message it fills', () => {
    expect(keysOf('history-media')).toStrictEqual(['wamid.QyNUEHBgLMTY0NjcwNDM1OTUVAgARGBI1Rj3NEYxMzAzMzQ5MkEA:media']);
  });

  it('gives no key to events Meta sends without an identity', () => {
    expect(['history-chunk', 'history-error-2593109', 'smb-app-state-sync', 'account-update-partner-removed', 'template-status-rejected', 'user-preferences-stop'].flatMap(keysOf)).toStrictEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
