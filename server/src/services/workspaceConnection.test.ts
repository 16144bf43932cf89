import { describe, expect, it } from 'vitest';
import { connectionTestResult } from './workspaceConnection';

const number = (over: Record<string, unknown> = {}) => ({
  kind: 'answer' as const,
  status: 200,
  body: {
    id: '1',
    display_phone_number: '+1 631-555-5555',
    verified_name: "Jasper's Market",
    quality_rating: 'GREEN',
    code_verification_status: 'VERIFIED',
    ...over,
  },
});
const metaError = (code: number, status = 400) => ({
  kind: 'answer' as const,
  status,
  body: { error: { message: `(#${code}) x`, type: 'OAuthException', code } },
});

describe('connectionTestResult', () => {
  it('warns in plain words about a medium or low quality rating and an unverified number', () => {
    const result = connectionTestResult(number({ quality_rating: 'RED', code_verification_status: 'EXPIRED' }), null);
    expect(result.ok && result.notes).toEqual([
      "Meta rates the number's quality low: customers have blocked or reported recent messages. Send fewer marketing messages.",
      'Meta says the number is not verified yet: finish its verification in WhatsApp Manager.',
    ]);
  });

  it('compares display numbers by their digits only', () => {
    const result = connectionTestResult(number(), '+1 (631) 555 5555');
    expect(result.ok && result.notes).toEqual([]);
  });

  it('reads error codes 0 and 190 as a bad token, 10 and 200–299 as no permission, 100 as a wrong id', () => {
    const problems = [0, 190, 10, 200, 299, 100, 131031].map((code) => {
      const r = connectionTestResult(metaError(code), null);
      return r.ok ? 'ok' : r.problem;
    });
    expect(problems).toEqual(['token_invalid', 'token_invalid', 'no_permission', 'no_permission', 'no_permission', 'wrong_id', 'meta_error']);
  });

  it('says when the address answered but not as Meta does, and when Meta did not answer in time', () => {
    expect(connectionTestResult({ kind: 'answer', status: 502, body: '<html>Bad gateway</html>' }, null)).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(connectionTestResult({ kind: 'answer', status: 200, body: 'hello' }, null)).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(connectionTestResult({ kind: 'unreachable', timedOut: true }, null)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Meta did not answer within 10 seconds'),
    });
  });
});
