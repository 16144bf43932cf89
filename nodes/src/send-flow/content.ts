import { z } from 'zod';
import { defineContent } from '../defineContent';
import { templateContent } from '../common/content/template';

/** The Flow button's label: Meta's older page and the SDKs say at most 20 characters, the newer one advises 30 (FACTS.md §1). */
export const FLOW_CTA_MAX = 20;

/** The `interactive` object of a Flow message, as Meta accepts it (FACTS.md §1). */
const interactiveFlowSchema = z.strictObject({
  type: z.literal('flow'),
  header: z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
  body: z.strictObject({ text: z.string().min(1).max(1024) }),
  footer: z.strictObject({ text: z.string().min(1).max(60) }).optional(),
  action: z.strictObject({
    name: z.literal('flow'),
    parameters: z
      .strictObject({
        flow_message_version: z.literal('3'),
        flow_token: z.string().min(1).optional(),
        flow_id: z.string().min(1).optional(),
        flow_name: z.string().min(1).optional(),
        flow_cta: z.string().min(1).max(FLOW_CTA_MAX),
        mode: z.enum(['draft', 'published']).optional(),
        flow_action: z.enum(['navigate', 'data_exchange']).optional(),
        flow_action_payload: z.strictObject({ screen: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }).optional(),
      })
      .superRefine((p, ctx) => {
        if ((p.flow_id === undefined) === (p.flow_name === undefined))
          ctx.addIssue({ code: 'custom', path: ['flow_id'], message: 'give flow_id or flow_name, not both' });
        if ((p.flow_action ?? 'navigate') === 'navigate' && !p.flow_action_payload)
          ctx.addIssue({ code: 'custom', path: ['flow_action_payload'], message: 'a navigate Flow needs flow_action_payload.screen' });
        if (p.flow_action === 'data_exchange' && p.flow_action_payload)
          ctx.addIssue({ code: 'custom', path: ['flow_action_payload'], message: 'a data_exchange Flow takes no flow_action_payload' });
        if (p.flow_action_payload?.data && Object.keys(p.flow_action_payload.data).length === 0)
          ctx.addIssue({ code: 'custom', path: ['flow_action_payload', 'data'], message: 'data must not be empty; leave it out instead' });
      }),
  }),
});

/** A WhatsApp Flow (an in-chat form) sent in the window, with the template to send instead outside it. */
export const flowContent = defineContent({
  kind: 'flow',
  schema: z.object({
    kind: z.literal('flow'),
    /** Meta's Flow id, and its name for the thread. */
    flowId: z.string(),
    flowName: z.string().default(''),
    /** Comes back in the reply's response_json: ties the answers to the step that asked. */
    token: z.string(),
    header: z.string().optional(),
    body: z.string(),
    footer: z.string().optional(),
    cta: z.string(),
    /** The screen the Flow opens on, with the data it starts with. */
    screen: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
    /** Sent instead when the 24-hour window is closed: an approved template with a Flow button. */
    outsideWindow: templateContent.schema.optional(),
  }),
  interactive: interactiveFlowSchema,
  toCloud: (c) => ({
    type: 'interactive',
    interactive: {
      type: 'flow',
      ...(c.header ? { header: { type: 'text', text: c.header } } : {}),
      body: { text: c.body },
      ...(c.footer ? { footer: { text: c.footer } } : {}),
      action: {
        name: 'flow',
        parameters: {
          flow_message_version: '3',
          flow_token: c.token,
          flow_id: c.flowId,
          flow_cta: c.cta,
          flow_action: 'navigate',
          flow_action_payload: { screen: c.screen, ...(c.data && Object.keys(c.data).length ? { data: c.data } : {}) },
        },
      },
    },
  }),
  outsideWindow: (c) => c.outsideWindow,
  preview: (c) => `${c.body} [${c.cta}]`,
});
