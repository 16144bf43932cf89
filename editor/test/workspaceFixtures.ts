import { templateInfoSchema, waFlowInfoSchema } from '@tandem/shared';
import type { WorkspaceView } from '@tandem/shared/api';
import type { TemplateView, WaFlowView } from '../src/workspace/types';
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

/** A WhatsApp Flow as the API lists it. */
function waFlowView(f: Record<string, unknown> & { id: string; name: string }): WaFlowView {
  return { ...waFlowInfoSchema.parse(f), source: 'sandbox', updatedAt: '2026-01-01T00:00:00.000Z' };
}

/** The sandbox's example Flows (as the server reads them from their Flow JSON), and a draft. */
export const demoWaFlows: WaFlowView[] = [
  waFlowView({
    id: '2814653498770231',
    name: 'lead_signup',
    categories: ['LEAD_GENERATION'],
    screens: [
      {
        id: 'LEAD_FORM',
        title: 'Stay in touch',
        fields: [
          { name: 'name', label: 'Your name', type: 'text', required: true },
          { name: 'email', label: 'Email', type: 'email', required: true },
          {
            name: 'interest',
            label: 'What are you interested in?',
            type: 'choice',
            required: true,
            options: [
              { id: 'indoor_plants', title: 'Indoor plants' },
              { id: 'garden_tools', title: 'Garden tools' },
              { id: 'workshops', title: 'Workshops' },
            ],
          },
          { name: 'marketing_opt_in', label: 'Send me offers on WhatsApp', type: 'boolean' },
        ],
      },
    ],
  }),
  waFlowView({
    id: '1052938476610384',
    name: 'appointment_booking',
    categories: ['APPOINTMENT_BOOKING'],
    screens: [
      {
        id: 'PICK_SLOT',
        title: 'Book a visit',
        fields: [
          { name: 'date', label: 'Day', type: 'date', required: true },
          {
            name: 'slot',
            label: 'Time',
            type: 'choice',
            required: true,
            options: [
              { id: '09:00', title: '9:00 – 10:00' },
              { id: '14:00', title: '14:00 – 15:00' },
            ],
          },
        ],
      },
      { id: 'NOTES', title: 'Anything else?', fields: [{ name: 'notes', label: 'Notes for us', type: 'text' }] },
    ],
  }),
  waFlowView({
    id: '3000000000000001',
    name: 'feedback_survey',
    status: 'DRAFT',
    categories: ['SURVEY', 'OTHER'],
    screens: [{ id: 'RATE', title: 'Rate us' }],
  }),
];

export function workspaceData(over: Partial<WorkspaceData> = {}): WorkspaceData {
  return {
    workspace: workspaceView(),
    flowId: 'fl_1',
    templates: demoTemplates,
    waFlows: demoWaFlows,
    flows: [],
    liveVersion: null,
    draftTest: null,
    refresh: () => undefined,
    reloadFlow: () => undefined,
    syncWaFlows: async () => ({ synced: 0, unreadable: [] }),
    ...over,
  };
}
