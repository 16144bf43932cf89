import { describe, expect, it } from 'vitest';
import { classifyError, type ErrorHandling } from './classifyError';

// Every code in facts §5 that a send can return, with the handling that section prescribes.
const table: Array<[number, ErrorHandling]> = [
  [130429, 'retry'],
  [131056, 'retry'],
  [131000, 'retry'],
  [131016, 'retry'],
  [1, 'retry'],
  [2, 'retry'],
  [133004, 'retry'],
  [4, 'retry'],
  [80007, 'retry'],
  [131057, 'retry'],
  [131049, 'retry_later'],
  [131047, 'window_closed'],
  [131050, 'opt_out'],
  [131026, 'undeliverable'],
  [131051, 'undeliverable'],
  [130472, 'undeliverable'],
  [131021, 'undeliverable'],
  [132000, 'template_error'],
  [132001, 'template_error'],
  [132005, 'template_error'],
  [132007, 'template_error'],
  [132012, 'template_error'],
  [132015, 'template_error'],
  [132016, 'template_error'],
  [131048, 'pause_number'],
  [368, 'pause_number'],
  [131031, 'pause_number'],
  [131042, 'pause_number'],
  [190, 'reauth'],
  [0, 'reauth'],
  [10, 'reauth'],
  [200, 'reauth'],
  [250, 'reauth'],
  [299, 'reauth'],
  [100, 'invalid_request'],
  [131008, 'invalid_request'],
  [131009, 'invalid_request'],
  [131053, 'invalid_request'],
  // WhatsApp Flows (nodes/src/send-flow/FACTS.md §5): throttled is retried, blocked is not.
  [132069, 'retry'],
  [132068, 'invalid_request'],
];

describe('classifyError', () => {
  it.each(table)('handles code %i as %s', (code, handling) => {
    expect(classifyError({ code, httpStatus: 400 }).handling).toBe(handling);
  });

  it('waits an hour before sending a throttled WhatsApp Flow again (10 sends an hour)', () => {
    expect(classifyError({ code: 132069, httpStatus: 400 })).toEqual({ handling: 'retry', retryAfterMs: 3_600_000 });
  });

  it('decides by code even when the HTTP status suggests otherwise', () => {
    expect(classifyError({ code: 131047, httpStatus: 500 }).handling).toBe('window_closed');
    expect(classifyError({ code: 131000, httpStatus: 400 }).handling).toBe('retry');
    expect(classifyError({ code: 130429, httpStatus: 400 }).handling).toBe('retry');
  });

  it('retries unknown codes on 5xx or without an answer, and treats them as invalid on 4xx', () => {
    expect(classifyError({ code: 999999, httpStatus: 503 }).handling).toBe('retry');
    expect(classifyError({ code: -1, httpStatus: null }).handling).toBe('retry');
    expect(classifyError({ code: 999999, httpStatus: 404 }).handling).toBe('invalid_request');
    expect(classifyError({ code: 199, httpStatus: 400 }).handling).toBe('invalid_request');
    expect(classifyError({ code: 300, httpStatus: 400 }).handling).toBe('invalid_request');
  });

  it('waits 4^X seconds for the pair rate limit, for that recipient only', () => {
    const delays = [0, 1, 2, 3].map((attempt) => classifyError({ code: 131056, httpStatus: 400, attempt }));
    expect(delays.map((d) => d.retryAfterMs)).toEqual([1_000, 4_000, 16_000, 64_000]);
    expect(delays.every((d) => d.perRecipient === true)).toBe(true);
    expect(classifyError({ code: 130429, httpStatus: 400 }).perRecipient).toBeUndefined();
  });

  it('waits about a minute for maintenance mode and a day for the marketing cap', () => {
    expect(classifyError({ code: 131057, httpStatus: 400 }).retryAfterMs).toBe(60_000);
    expect(classifyError({ code: 131049, httpStatus: 400, attempt: 3 }).retryAfterMs).toBe(24 * 60 * 60 * 1000);
  });

  it('backs off exponentially for throughput and server errors, capped at five minutes', () => {
    const delays = [0, 1, 2, 10].map((attempt) => classifyError({ code: 130429, httpStatus: 400, attempt }).retryAfterMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 300_000]);
  });

  it('suggests no delay for failures that retrying cannot fix', () => {
    expect(classifyError({ code: 131047, httpStatus: 400 }).retryAfterMs).toBeUndefined();
    expect(classifyError({ code: 132001, httpStatus: 404 }).retryAfterMs).toBeUndefined();
  });
});
