import { templateInfoSchema } from '@tandem/shared';
import type { WorkspaceView } from '@tandem/shared/api';
import type { TemplateView } from '../src/workspace/types';
import type { WorkspaceData } from '../src/workspace/workspaceData';

export const workspaceView = (over: Partial<WorkspaceView> = {}): WorkspaceView => ({
  id: 'ws_1',
  name: 'Demo shop',
  transport: 'sandbox',
  phoneNumberId: null,
  displayPhoneNumber: null,
  wabaId: null,
  coexistence: true,
  throughputMps: 20,
  settings: {},
  sendsPausedReason: null,
  hasAccessToken: false,
  alerts: [],
  syncStatus: {},
  now: '2026-01-01T10:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  role: 'admin',
  ...over,
});

let nextId = 1;
/** A template as the API lists it. */
function templateView(t: Record<string, unknown> & { name: string }): TemplateView {
  return { ...templateInfoSchema.parse({ language: 'en', category: 'UTILITY', ...t }), id: nextId++, source: 'sandbox', updatedAt: '2026-01-01T00:00:00.000Z' };
}

export const demoTemplates: TemplateView[] = [
  templateView({
    name: 'order_shipped',
    bodyParameters: ['1'],
    buttons: [{ type: 'URL', text: 'Track order', dynamic: true }],
    text: { body: 'Order {{1}} is on its way. Track it below.' },
  }),
  templateView({
    name: 'cart_reminder',
    category: 'MARKETING',
    bodyParameters: ['1', '2'],
    buttons: [
      { type: 'QUICK_REPLY', text: 'Complete my order', dynamic: false },
      { type: 'QUICK_REPLY', text: 'Stop promotions', dynamic: false },
    ],
    text: { body: 'Hi {{1}}, you left {{2}} in your cart.', footer: 'Reply STOP to opt out' },
  }),
  templateView({ name: 'welcome', parameterFormat: 'named', bodyParameters: ['first_name'], text: { header: 'Welcome!', body: 'Hello {{first_name}}!' } }),
];

export function workspaceData(over: Partial<WorkspaceData> = {}): WorkspaceData {
  return { workspace: workspaceView(), flowId: 'fl_1', templates: demoTemplates, flows: [], liveVersion: null, refresh: () => undefined, ...over };
}
