import { useSyncExternalStore } from 'react';
import type { Period } from '../dashboard/dashboardWords';

/**
 * The screens of the app, addressed by the URL's hash (works under any path the server uses).
 * Most take their parameters as path segments; the dashboard's journey and period are optional
 * filters, so they follow a `?`: `#/w/ws_1/dashboard?flow=fl_2&period=30d`, where `period` is
 * `<N>d` (the last N days) or `<from>..<to>` (`2026-01-01..2026-01-31`, either side may be empty
 * while the dates are being typed). A dashboard address shared this way opens on the same figures.
 */
export type Route =
  | { name: 'home' }
  | { name: 'flows'; workspaceId: string }
  | { name: 'dashboard'; workspaceId: string; flowId?: string; period?: Period }
  | { name: 'flow'; workspaceId: string; flowId: string; version?: number }
  | { name: 'inbox'; workspaceId: string; handoffId?: number }
  | { name: 'settings'; workspaceId: string }
  | { name: 'templates'; workspaceId: string }
  | { name: 'contacts'; workspaceId: string; contactId?: string }
  | { name: 'team'; workspaceId: string }
  | { name: 'account'; workspaceId: string };

/** Reads a hash such as `#/w/ws_1/flows/fl_2/v/3` or `#/w/ws_1/dashboard?flow=fl_2&period=7d`. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'w' || !parts[1]) return { name: 'home' };
  const workspaceId = parts[1];
  if (parts[2] === 'inbox') {
    const id = Number(parts[3]);
    return Number.isInteger(id) && id > 0 ? { name: 'inbox', workspaceId, handoffId: id } : { name: 'inbox', workspaceId };
  }
  if (parts[2] === 'dashboard') return dashboardRoute(workspaceId, new URLSearchParams(search));
  if (parts[2] === 'settings') return { name: 'settings', workspaceId };
  if (parts[2] === 'templates') return { name: 'templates', workspaceId };
  if (parts[2] === 'team') return { name: 'team', workspaceId };
  if (parts[2] === 'account') return { name: 'account', workspaceId };
  if (parts[2] === 'contacts') return parts[3] ? { name: 'contacts', workspaceId, contactId: parts[3] } : { name: 'contacts', workspaceId };
  if (parts[2] === 'flows' && parts[3]) {
    const version = parts[4] === 'v' ? Number(parts[5]) : NaN;
    return Number.isInteger(version) && version > 0
      ? { name: 'flow', workspaceId, flowId: parts[3], version }
      : { name: 'flow', workspaceId, flowId: parts[3] };
  }
  return { name: 'flows', workspaceId };
}

export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'flows':
      return `#/w/${e(route.workspaceId)}/flows`;
    case 'flow':
      return `#/w/${e(route.workspaceId)}/flows/${e(route.flowId)}${route.version ? `/v/${route.version}` : ''}`;
    case 'inbox':
      return `#/w/${e(route.workspaceId)}/inbox${route.handoffId ? `/${route.handoffId}` : ''}`;
    case 'dashboard':
      return `#/w/${e(route.workspaceId)}/dashboard${dashboardSearch(route)}`;
    case 'settings':
    case 'templates':
    case 'team':
    case 'account':
      return `#/w/${e(route.workspaceId)}/${route.name}`;
    case 'contacts':
      return `#/w/${e(route.workspaceId)}/contacts${route.contactId ? `/${e(route.contactId)}` : ''}`;
  }
}

/** The dashboard's filters from its `?flow=…&period=…`; an unreadable one is left out (the page's default). */
function dashboardRoute(workspaceId: string, search: URLSearchParams): Route {
  const flowId = search.get('flow');
  const period = readPeriod(search.get('period') ?? '');
  return { name: 'dashboard', workspaceId, ...(flowId ? { flowId } : {}), ...(period ? { period } : {}) };
}

function readPeriod(text: string): Period | undefined {
  const days = /^(\d+)d$/.exec(text);
  if (days) {
    const n = Number(days[1]);
    return n > 0 ? { kind: 'days', days: n } : undefined;
  }
  const dates = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(text);
  return dates ? { kind: 'custom', from: dates[1] ?? '', to: dates[2] ?? '' } : undefined;
}

function dashboardSearch(route: { flowId?: string; period?: Period }): string {
  const search = new URLSearchParams();
  if (route.flowId) search.set('flow', route.flowId);
  if (route.period) search.set('period', route.period.kind === 'days' ? `${route.period.days}d` : `${route.period.from}..${route.period.to}`);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (location.hash === hash) return;
  if (options.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  // pushState does not fire hashchange; tell the subscribers ourselves.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
