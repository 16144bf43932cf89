import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './router';

describe('routes', () => {
  it("reads and writes every screen's address", () => {
    const routes: Route[] = [
      { name: 'flows', workspaceId: 'ws_1' },
      { name: 'dashboard', workspaceId: 'ws_1' },
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

  it('falls back to the start for anything else', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'home' });
    expect(parseRoute('#/w/ws_1/flows/fl_2/v/zero')).toEqual({ name: 'flow', workspaceId: 'ws_1', flowId: 'fl_2' });
    expect(parseRoute('#/w/ws_1')).toEqual({ name: 'flows', workspaceId: 'ws_1' });
  });
});
