import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './router';

describe('routes', () => {
  it("reads and writes every screen's address", () => {
    const routes: Route[] = [
      { name: 'flows', workspaceId: 'ws_1' },
      { name: 'dashboard', workspaceId: 'ws_1' },
      { name: 'dashboard', workspaceId: 'ws_1', flowId: 'fl 2&x', period: { kind: 'days', days: 7 } },
      { name: 'dashboard', workspaceId: 'ws_1', period: { kind: 'custom', from: '2026-01-01', to: '2026-01-31' } },
      { name: 'dashboard', workspaceId: 'ws_1', period: { kind: 'custom', from: '', to: '2026-01-31' } },
      { name: 'flow', workspaceId: 'ws_1', flowId: 'fl_2' },
      { name: 'flow', workspaceId: 'ws_1', flowId: 'fl_2', version: 3 },
      { name: 'inbox', workspaceId: 'ws 1' },
      { name: 'inbox', workspaceId: 'ws_1', handoffId: 12 },
      { name: 'settings', workspaceId: 'ws_1' },
      { name: 'templates', workspaceId: 'ws_1' },
      { name: 'contacts', workspaceId: 'ws_1' },
      { name: 'contacts', workspaceId: 'ws_1', contactId: 'ct/1' },
      { name: 'team', workspaceId: 'ws_1' },
      { name: 'account', workspaceId: 'ws_1' },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it("keeps the dashboard's journey and period after a ?", () => {
    expect(routeHash({ name: 'dashboard', workspaceId: 'ws_1', flowId: 'fl_2', period: { kind: 'days', days: 30 } })).toBe(
      '#/w/ws_1/dashboard?flow=fl_2&period=30d',
    );
    expect(routeHash({ name: 'dashboard', workspaceId: 'ws_1', period: { kind: 'custom', from: '2026-01-01', to: '2026-01-31' } })).toBe(
      '#/w/ws_1/dashboard?period=2026-01-01..2026-01-31',
    );
    expect(routeHash({ name: 'dashboard', workspaceId: 'ws_1' })).toBe('#/w/ws_1/dashboard');
    expect(parseRoute('#/w/ws_1/dashboard?period=7d&flow=fl_2')).toEqual({
      name: 'dashboard',
      workspaceId: 'ws_1',
      flowId: 'fl_2',
      period: { kind: 'days', days: 7 },
    });
  });

  it('leaves out a dashboard filter it cannot read, and ignores a ? on other screens', () => {
    for (const period of ['0d', 'week', '2026-01-01', '2026-1-1..2026-01-31', ''])
      expect(parseRoute(`#/w/ws_1/dashboard?flow=fl_2&period=${period}`)).toEqual({ name: 'dashboard', workspaceId: 'ws_1', flowId: 'fl_2' });
    expect(parseRoute('#/w/ws_1/dashboard?flow=')).toEqual({ name: 'dashboard', workspaceId: 'ws_1' });
    expect(parseRoute('#/w/ws_1/flows/fl_2?flow=x')).toEqual({ name: 'flow', workspaceId: 'ws_1', flowId: 'fl_2' });
  });

  it('falls back to the start for anything else', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'home' });
    expect(parseRoute('#/w/ws_1/flows/fl_2/v/zero')).toEqual({ name: 'flow', workspaceId: 'ws_1', flowId: 'fl_2' });
    expect(parseRoute('#/w/ws_1')).toEqual({ name: 'flows', workspaceId: 'ws_1' });
  });
});
