import { describe, expect, it } from 'vitest';
import {
  bucketLabel,
  creditSlices,
  creditSummary,
  dashboardCsvHref,
  dashboardTiles,
  formatDuration,
  formatMoney,
  formatRate,
  funnelStepName,
  goalRows,
  isEmptyPeriod,
  periodRange,
} from './dashboardWords';
import { dashboardFixture } from './dashboardFixture';

const now = new Date('2026-03-10T15:30:00.000Z');
const tiles = (d = dashboardFixture()) => Object.fromEntries(dashboardTiles(d, 'en-US').map((t) => [t.id, t]));

describe('periodRange', () => {
  it('counts the last N days in whole UTC days, today included', () => {
    expect(periodRange({ kind: 'days', days: 7 }, now)).toEqual({ from: '2026-03-04T00:00:00.000Z', to: '2026-03-10T23:59:59.999Z' });
    expect(periodRange({ kind: 'days', days: 90 }, now)).toEqual({ from: '2025-12-11T00:00:00.000Z', to: '2026-03-10T23:59:59.999Z' });
  });

  it('covers custom dates from the first day to the end of the last', () => {
    expect(periodRange({ kind: 'custom', from: '2026-01-01', to: '2026-01-31' }, now)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-31T23:59:59.999Z',
    });
    expect(periodRange({ kind: 'custom', from: '2026-01-05', to: '2026-01-05' }, now)).toEqual({
      from: '2026-01-05T00:00:00.000Z',
      to: '2026-01-05T23:59:59.999Z',
    });
  });

  it('says what is wrong with custom dates the API would refuse', () => {
    expect(periodRange({ kind: 'custom', from: '', to: '2026-01-05' }, now)).toEqual({ problem: 'Pick the first and the last day.' });
    expect(periodRange({ kind: 'custom', from: '2026-02-01', to: '2026-01-05' }, now)).toEqual({ problem: 'The first day must not be after the last.' });
    expect(periodRange({ kind: 'custom', from: '2025-01-01', to: '2026-01-05' }, now)).toEqual({ problem: 'Pick at most a year at a time.' });
  });
});

describe('dashboardCsvHref', () => {
  it('asks the CSV export for the same period, journey and buckets', () => {
    const href = dashboardCsvHref('https://t.example/app', 'ws 1', {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-31T23:59:59.999Z',
      bucket: 'week',
      flowId: 'fl_1',
    });
    const url = new URL(href);
    expect(url.pathname).toBe('/app/api/workspaces/ws%201/dashboard.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T23:59:59.999Z', bucket: 'week', flowId: 'fl_1' });
  });

  it('leaves the journey out for the whole workspace', () => {
    const href = dashboardCsvHref('', 'ws_1', { from: 'a', to: 'b', bucket: 'day' });
    expect(href).toBe('/api/workspaces/ws_1/dashboard.csv?from=a&to=b&bucket=day');
  });
});

describe('formats', () => {
  it('writes money in the currency', () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(12, 'EUR', 'en-US')).toBe('€12.00');
    expect(formatMoney(3, 'points', 'en-US')).toBe('3 points');
  });

  it('writes shares as percentages, ROI with its sign', () => {
    expect(formatRate(0.125, 'en-US')).toBe('12.5%');
    expect(formatRate(1, 'en-US')).toBe('100%');
    expect(formatRate(2.5, 'en-US', true)).toBe('+250%');
    expect(formatRate(-0.4, 'en-US', true)).toBe('-40%');
  });

  it('writes durations in at most two units', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(4 * 60_000 + 10_000)).toBe('4 min');
    expect(formatDuration(80 * 60_000)).toBe('1 h 20 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(51 * 3_600_000)).toBe('2 d 3 h');
  });

  it('labels buckets by their UTC day', () => {
    expect(bucketLabel('2026-01-05T00:00:00.000Z', 'day', 'en-GB')).toBe('5 Jan');
    expect(bucketLabel('2026-01-05T00:00:00.000Z', 'week', 'en-GB')).toBe('Week of 5 Jan');
  });
});

describe('dashboardTiles', () => {
  it('shows every KPI formatted', () => {
    const t = tiles();
    expect(t.runs).toMatchObject({ value: '120', detail: '90 completed' });
    expect(t.conversions).toMatchObject({ value: '12', detail: '10% of runs' });
    expect(t.revenue).toMatchObject({ value: '$1,250.00' });
    expect(t.cost).toMatchObject({ value: '$50.00' });
    expect(t.roi).toMatchObject({ value: '+2,400%' });
    expect(t.revenuePerRun).toMatchObject({ value: '$10.42' });
    expect(t.costPerConversion).toMatchObject({ value: '$4.17' });
    expect(t.readRate).toMatchObject({ value: '80%' });
    expect(t.replyRate).toMatchObject({ value: '25%' });
    expect(t.sessionReopenRate).toMatchObject({ value: '40%' });
    expect(t.botContainment).toMatchObject({ value: '75%' });
    expect(t.assisted).toMatchObject({ value: '3' });
    expect(t.firstHumanResponse).toMatchObject({ value: '4 min' });
    expect(t.handleTime).toMatchObject({ value: '1 h 20 min' });
    expect(t.handoffs).toMatchObject({ value: '2' });
  });

  it('shows a dash with the reason when there is nothing to divide by', () => {
    const d = dashboardFixture();
    d.totals = { ...d.totals, roi: null, readRate: null, replyRate: null, firstHumanResponseMs: null, costPerConversion: null };
    const t = tiles(d);
    expect(t.roi).toMatchObject({ value: '—', title: 'Nothing sent in this period cost anything' });
    expect(t.readRate).toMatchObject({ value: '—', title: 'No messages were sent in this period' });
    expect(t.replyRate).toMatchObject({ value: '—', title: 'No messages were sent in this period' });
    expect(t.costPerConversion).toMatchObject({ value: '—', title: 'No conversions in this period' });
    expect(t.firstHumanResponse!.value).toBe('—');
  });

  it('tells revenue in other currencies apart (not in ROI)', () => {
    const d = dashboardFixture();
    d.totals.otherRevenue = { EUR: 30 };
    expect(tiles(d).revenue).toMatchObject({ value: '$1,250.00', detail: '+ €30.00' });
    expect(tiles(d).revenue!.title).toContain('Not included: €30.00');
  });
});

describe('goalRows', () => {
  it('formats each goal, most conversions first as the API answers', () => {
    const rows = goalRows(dashboardFixture(), 'en-US');
    expect(rows.map((r) => r.goal)).toEqual(['Cart recovered', 'Purchase', 'Qualified lead']);
    expect(rows[0]).toEqual({
      goal: 'Cart recovered',
      conversions: '10',
      rate: '12.5%',
      rateTitle: 'Conversions ÷ the 80 runs started of the journeys with this goal',
      revenue: '$1,000.00',
      costPerConversion: '$4.00',
      costTitle: '$40.00 of messages of the journeys with this goal ÷ conversions',
      credit: 'Bot 8 · Business App 1 · Inbox agent 1',
    });
  });

  it('shows a dash with the reason when nothing started or converted', () => {
    const d = dashboardFixture();
    d.goals = [{ ...d.goals[2]!, runsStarted: 0, rate: null }];
    expect(goalRows(d, 'en-US')[0]).toMatchObject({
      conversions: '0',
      rate: '—',
      rateTitle: 'No journey with this goal started in this period',
      costPerConversion: '—',
      costTitle: 'No conversions in this period',
      credit: '',
    });
  });
});

describe('funnelStepName', () => {
  it("numbers the steps and names an untitled one by its type's label", () => {
    expect(funnelStepName({ nodeId: 'thanks', label: 'send-message', type: 'send-message', entered: 3 }, 1)).toBe('2. Send message');
    expect(funnelStepName({ nodeId: 'ask', label: 'Ask the size', type: 'bot-question', entered: 3 }, 0)).toBe('1. Ask the size');
  });
});

describe('creditSlices and isEmptyPeriod', () => {
  it('names whom the conversions credit, leaving out nobody', () => {
    expect(creditSlices({ bot: 9, app: 2, agent: 0, none: 1 })).toEqual([
      { key: 'bot', label: 'Bot', value: 9 },
      { key: 'app', label: 'Business App', value: 2 },
      { key: 'none', label: 'No message', value: 1 },
    ]);
  });

  it('sums up the credit split as small text', () => {
    expect(creditSummary({ bot: 1200, app: 0, agent: 3, none: 0 }, 'en-US')).toBe('Bot 1,200 · Inbox agent 3');
    expect(creditSummary({ bot: 0, app: 0, agent: 0, none: 0 })).toBe('');
  });

  it('calls a period empty when nothing started, converted or was sent', () => {
    const d = dashboardFixture();
    expect(isEmptyPeriod(d)).toBe(false);
    d.totals = { ...d.totals, runsStarted: 0, conversions: 0, messages: { ...d.totals.messages, sent: 0 } };
    expect(isEmptyPeriod(d)).toBe(true);
  });
});
