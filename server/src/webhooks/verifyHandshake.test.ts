import { describe, expect, it } from 'vitest';
import { verifyHandshake } from './verifyHandshake';

const token = 'meatyhamhock';

describe('verifyHandshake', () => {
  it('returns the challenge when the mode is subscribe and the token matches', () => {
    expect(verifyHandshake({ mode: 'subscribe', token, challenge: '1158201444' }, token)).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('answers 403 when the token does not match', () => {
    expect(verifyHandshake({ mode: 'subscribe', token: 'guess', challenge: '1158201444' }, token)).toEqual({
      ok: false,
      status: 403,
      reason: 'hub.verify_token does not match',
    });
  });

  it('answers 403 when the token is only a prefix of the expected one', () => {
    expect(verifyHandshake({ mode: 'subscribe', token: token.slice(0, 5), challenge: '1' }, token)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 403 when the mode is not subscribe', () => {
    expect(verifyHandshake({ mode: 'unsubscribe', token, challenge: '1158201444' }, token)).toEqual({
      ok: false,
      status: 403,
      reason: 'hub.mode is not "subscribe"',
    });
  });

  it('answers 403 when no token is configured, even for an empty token', () => {
    expect(verifyHandshake({ mode: 'subscribe', token: '', challenge: '1158201444' }, '')).toEqual({
      ok: false,
      status: 403,
      reason: 'no verify token is configured',
    });
  });

  it('answers 400 naming the missing parameter', () => {
    expect(verifyHandshake({ mode: 'subscribe', token, challenge: null }, token)).toEqual({
      ok: false,
      status: 400,
      reason: 'missing or invalid query parameter: hub.challenge',
    });
  });

  it('answers 400 naming every missing parameter', () => {
    expect(verifyHandshake({ mode: null, token: undefined, challenge: null }, token)).toEqual({
      ok: false,
      status: 400,
      reason: 'missing or invalid query parameter: hub.mode, hub.verify_token, hub.challenge',
    });
  });

  it('answers 400 for an empty or oversized challenge', () => {
    expect(verifyHandshake({ mode: 'subscribe', token, challenge: '' }, token)).toMatchObject({ ok: false, status: 400 });
    expect(verifyHandshake({ mode: 'subscribe', token, challenge: '9'.repeat(513) }, token)).toMatchObject({ ok: false, status: 400 });
  });
});
