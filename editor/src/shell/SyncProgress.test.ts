import { describe, expect, it } from 'vitest';
import { syncSummary } from './SyncProgress';

const now = '2026-03-10T12:00:00.000Z';

describe('Business App sync progress', () => {
  it('shows history per phase while it is imported, with the messages so far', () => {
    const status = {
      history: {
        status: 'importing',
        updatedAt: '2026-03-01T00:00:00.000Z',
        phases: { '1': { progress: 60, chunks: 2, messages: 1200 }, '0': { progress: 100, chunks: 1, messages: 34 } },
      },
    };
    expect(syncSummary(status, now)).toBe('Business App sync: chat history last day 100%, days 1–90 60% (1,234 messages imported, no journey started).');
  });

  it('adds contact changes of the last day, and goes away a day after everything finished', () => {
    const status = {
      history: { status: 'importing', updatedAt: '2026-03-10T11:00:00.000Z', phases: { '0': { progress: 100, messages: 3 } } },
      contacts: { added: 12, removed: 1, updatedAt: '2026-03-10T11:30:00.000Z' },
    };
    expect(syncSummary(status, now)).toBe(
      'Business App sync: chat history last day 100% (3 messages imported, no journey started); contacts 12 added or updated, 1 removed.',
    );
    expect(syncSummary(status, '2026-03-12T12:00:00.000Z')).toBeUndefined();
  });

  it('says nothing without a sync, or when history was declined (that is an alert)', () => {
    expect(syncSummary({}, now)).toBeUndefined();
    expect(syncSummary({ history: { status: 'declined', error: '2593109: …' } }, now)).toBeUndefined();
  });
});
