import { describe, expect, it } from 'vitest';
import { actorWords, auditWords } from './auditWords';

const entry = (action: string, target: string | null, detail: Record<string, unknown> | null = null) => ({
  id: 1,
  actor: 'a@x.test',
  action,
  target,
  detail,
  at: '',
});
const flows = new Map([['fl_1', 'Welcome']]);

describe('the audit log in words', () => {
  it('names who did it: a person, an API key by its name, the admin key', () => {
    expect([actorWords('ana@shop.test'), actorWords('key Shop sync (key_0123456789abcdef)'), actorWords('admin key')]).toEqual([
      'ana@shop.test',
      'API key “Shop sync”',
      'The installation’s admin key',
    ]);
  });

  it('says member and key changes in sentences', () => {
    expect(auditWords(entry('member.role', 'ana@shop.test', { from: 'agent', to: 'editor' }), flows)).toBe(
      'changed the role of ana@shop.test from agent to editor',
    );
    expect(auditWords(entry('member.remove', 'ana@shop.test', { role: 'agent' }), flows)).toBe('removed ana@shop.test (was agent)');
    expect(auditWords(entry('api_key.create', 'key_1', { name: 'CRM', role: 'viewer' }), flows)).toBe('created the API key “CRM” (viewer)');
  });

  it('names flows, also those deleted since', () => {
    expect(auditWords(entry('flow.publish', 'fl_1', { version: 3, note: 'New discount' }), flows)).toBe('published version 3 of “Welcome”: “New discount”');
    expect(auditWords(entry('flow.archive', 'fl_gone'), flows)).toBe('deleted a flow');
    expect(auditWords(entry('flow.rollback', 'fl_gone', { version: 2 }), flows)).toBe('made version 2 of a flow deleted since live again');
  });

  it('says which parts of the connection changed', () => {
    expect(auditWords(entry('workspace.connection', null, { changed: ['phoneNumberId', 'coexistence'] }), flows)).toBe(
      "changed the number's connection (phone number ID, coexistence)",
    );
    expect(auditWords(entry('contact.consent', '12', { from: 'unknown', to: 'opted_out' }), flows)).toBe(
      'changed the marketing consent of contact #12 from not asked to opted out',
    );
  });
});
