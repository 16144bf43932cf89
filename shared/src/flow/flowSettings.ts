import { z } from 'zod';
import { attributeDeclSchema } from './attributes';
import { clockTimeSchema, timeZoneSchema } from './primitives';

export const reentryModes = ['never', 'after_completion', 'always'] as const;
export type ReentryMode = (typeof reentryModes)[number];

export const humanReplyModes = ['pause_for', 'until_keyword', 'until_release', 'never'] as const;
export type HumanReplyMode = (typeof humanReplyModes)[number];

/** What the bot does when a person replies from the WhatsApp Business App (a message echo). */
export const humanReplySettingsSchema = z.object({
  mode: z
    .enum(humanReplyModes)
    .default('pause_for')
    .meta({
      title: 'When a person replies from the Business App',
      widget: 'select',
      choices: {
        pause_for: { label: 'Pause the bot for a while', help: 'It carries on once the person has been quiet for the minutes below' },
        until_keyword: {
          label: 'Pause until the resume keyword',
          help: 'The person sends the keyword from the App to give the chat back (or a teammate resumes it)',
        },
        until_release: { label: 'Pause until a teammate resumes it', help: 'A teammate clicks “Resume automation” in the inbox or on the contact’s page' },
        never: { label: "Don't pause", help: 'The bot keeps going, but never within the seconds below of an App reply' },
      },
    }),
  pauseMinutes: z
    .number()
    .int()
    .min(1)
    .max(10_080)
    .default(30)
    .meta({
      title: 'Pause for (minutes)',
      description: 'Counted from the last App reply, also for journeys that start after it',
      showWhen: { field: 'mode', equals: ['pause_for'] },
    }),
  resumeKeyword: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .default('#bot')
    .meta({
      title: 'Resume keyword',
      description: 'Sent from the Business App to give the contact back to the bot',
      showWhen: { field: 'mode', equals: ['until_keyword'] },
    }),
  collisionGuardSeconds: z
    .number()
    .int()
    .min(0)
    .max(3_600)
    .default(60)
    .meta({ title: 'Hold bot messages after an App reply (seconds)', description: 'Never talk over a person who just wrote' }),
});
export type HumanReplySettings = z.infer<typeof humanReplySettingsSchema>;

/** Whether Tandem marks the contact's messages read when a step takes them, and shows "typing…" while the bot prepares its reply. */
export const readReceiptModes = ['off', 'read', 'read_and_typing'] as const;
export type ReadReceiptMode = (typeof readReceiptModes)[number];

/** A flow's choice: the workspace's setting, or its own. */
export const readReceiptOverrides = ['workspace', ...readReceiptModes] as const;
export type ReadReceiptOverride = (typeof readReceiptOverrides)[number];

/**
 * The read-receipt mode that applies: the flow's own choice, else the workspace's, else off. Marking
 * read is opt-in: on a coexistence number it also marks the chat read in the WhatsApp Business App
 * (its unread badge drops and the people using the App may miss that the customer wrote), and on any
 * number each receipt is one more request. Typing promises a reply that quiet hours, pacing or a hold
 * may delay, so it is chosen separately.
 */
export function effectiveReadReceipts(flow: ReadReceiptOverride, workspace: ReadReceiptMode | undefined): ReadReceiptMode {
  return flow !== 'workspace' ? flow : (workspace ?? 'off');
}

export const quietHoursSchema = z.object({
  start: clockTimeSchema.meta({ title: 'From', widget: 'time' }),
  end: clockTimeSchema.meta({ title: 'Until', widget: 'time' }),
});
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** A business event name, dotted lower-case (`order.paid`). */
const eventNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'Dotted lower-case, e.g. order.paid')
  .max(100);

export const goalKinds = ['event', 'contact'] as const;

/**
 * The event names Meta's Conversions API takes for a conversation that started from a
 * Click-to-WhatsApp ad (engine/src/whatsapp/conversions-api-facts.md §3): `Lead` is refused there.
 */
export const conversionEventNames = ['LeadSubmitted', 'Purchase', 'AddToCart', 'InitiateCheckout', 'ViewContent'] as const;
export type ConversionEventName = (typeof conversionEventNames)[number];
const conversionEventChoices = {
  LeadSubmitted: { label: 'Lead submitted' },
  Purchase: { label: 'Purchase' },
  AddToCart: { label: 'Add to cart' },
  InitiateCheckout: { label: 'Checkout started' },
  ViewContent: { label: 'Content viewed' },
};

/**
 * A conversion the journey aims at, counted once per run within `windowHours` of its start: a
 * business event (with its value and currency read from the payload) or a contact condition.
 */
export const goalSchema = z.object({
  name: z.string().trim().min(1, 'Name the goal').max(60).meta({ title: 'Goal name', description: 'Shown in analytics, e.g. Purchase' }),
  kind: z
    .enum(goalKinds)
    .default('event')
    .meta({
      title: 'Counts when',
      widget: 'select',
      choices: {
        event: { label: 'A business event arrives', help: 'e.g. order.paid sent by your shop' },
        contact: { label: 'The contact matches a condition', help: 'Checked after each step and when an event arrives' },
      },
    }),
  event: eventNameSchema.optional().meta({ title: 'Event', placeholder: 'order.paid', showWhen: { field: 'kind', equals: ['event'] } }),
  value: z
    .string()
    .trim()
    .max(500)
    .optional()
    .meta({
      title: 'Value',
      description: "An expression over the event's payload, e.g. payload.total",
      widget: 'expression',
      extraRoots: ['payload'],
      placeholder: 'payload.total',
      showWhen: { field: 'kind', equals: ['event'] },
    }),
  currency: z
    .string()
    .trim()
    .max(500)
    .optional()
    .meta({
      title: 'Currency',
      description: 'A code such as EUR, or an expression over the payload such as payload.currency',
      placeholder: 'payload.currency',
      showWhen: { field: 'kind', equals: ['event'] },
    }),
  condition: z
    .string()
    .trim()
    .max(1_000)
    .optional()
    .meta({
      title: 'Condition',
      widget: 'expression',
      expects: 'boolean',
      placeholder: '"customer" in contact.tags',
      showWhen: { field: 'kind', equals: ['contact'] },
    }),
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7)
    .meta({ title: 'Within (hours of entering)', description: 'A conversion later than this is not credited to the journey' }),
  report: z.enum(conversionEventNames).optional().meta({
    title: 'Report to Meta as',
    description: 'Sent to Meta’s Conversions API for contacts who came from a Click-to-WhatsApp ad; empty: not reported',
    widget: 'select',
    choices: conversionEventChoices,
  }),
});
export type Goal = z.infer<typeof goalSchema>;

export const exitKinds = ['event', 'contact'] as const;

/** Ends a running journey: a business event arrives, or the contact matches a condition. */
export const exitSchema = z.object({
  kind: z
    .enum(exitKinds)
    .default('event')
    .meta({
      title: 'Ends the journey when',
      widget: 'select',
      choices: {
        event: { label: 'A business event arrives', help: 'e.g. order.cancelled' },
        contact: { label: 'The contact matches a condition', help: 'Checked after each step and when an event arrives' },
      },
    }),
  event: eventNameSchema.optional().meta({ title: 'Event', placeholder: 'order.cancelled', showWhen: { field: 'kind', equals: ['event'] } }),
  condition: z
    .string()
    .trim()
    .max(1_000)
    .optional()
    .meta({
      title: 'Condition',
      widget: 'expression',
      expects: 'boolean',
      placeholder: '"unsubscribed" in contact.tags',
      showWhen: { field: 'kind', equals: ['contact'] },
    }),
});
export type Exit = z.infer<typeof exitSchema>;

/** Flow-wide settings: who may enter, when it may talk, how it yields to humans. */
export const flowSettingsSchema = z.object({
  reentry: z
    .enum(reentryModes)
    .default('after_completion')
    .meta({
      title: 'A contact may enter',
      widget: 'select',
      choices: {
        never: { label: 'Only once', help: 'A contact goes through this journey once, ever' },
        after_completion: { label: 'Again after finishing', help: 'Again once their previous journey here has ended' },
        always: { label: 'Every time', help: 'Each time the trigger fires, even while a journey is running' },
      },
    }),
  timezone: timeZoneSchema.default('UTC').meta({ title: 'Time zone', description: 'Used for contacts whose own time zone is unknown' }),
  quietHours: quietHoursSchema
    .nullable()
    .default(null)
    .meta({ title: 'Quiet hours', description: "No messages in this time (the contact's time zone); they wait until it ends" }),
  humanReply: humanReplySettingsSchema.prefault({}).meta({ title: 'When a person takes over' }),
  attributes: z.array(attributeDeclSchema).max(200).default([]).meta({ title: 'Contact attributes this flow uses', widget: 'list' }),
  readReceipts: z
    .enum(readReceiptOverrides)
    .default('workspace')
    .meta({
      title: 'Mark messages read and show typing',
      description:
        "On a coexistence number, marking read from Tandem marks the chat read in the WhatsApp Business App too: the App's unread badge and count drop, so people using the App may miss that the customer wrote.",
      widget: 'select',
      choices: {
        workspace: { label: 'As the workspace settings say' },
        off: { label: 'Leave messages unread' },
        read: { label: 'Mark read (blue ticks)', help: 'The answer to a question, and the message that starts the journey' },
        read_and_typing: { label: 'Mark read and show "typing…"', help: 'Also shows "typing…" until the bot replies (at most about 25 s)' },
      },
    }),
  entry: z
    .object({
      skipIfAppConversationWithinHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90)
        .nullable()
        .default(null)
        .meta({
          title: 'Skip contacts with a Business App conversation in the last (hours)',
          description: 'Leave contacts alone whom a person talked to recently',
        }),
    })
    .prefault({})
    .meta({ title: 'Entry rules' }),
  goals: z
    .array(goalSchema)
    .max(10)
    .superRefine(requireKindFields)
    .default([])
    .meta({ title: 'Goals', description: 'What counts as a conversion of this journey', widget: 'list' }),
  exits: z
    .array(exitSchema)
    .max(10)
    .superRefine(requireKindFields)
    .default([])
    .meta({ title: 'Exit when', description: 'A running journey ends early when one of these happens', widget: 'list' }),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

/** An event goal or exit names its event; a condition one has its condition. Goal names are unique. */
function requireKindFields(
  items: readonly { kind: 'event' | 'contact'; event?: string | undefined; condition?: string | undefined; name?: string }[],
  ctx: z.RefinementCtx,
): void {
  const names = new Set<string>();
  items.forEach((item, i) => {
    if (item.kind === 'event' && !item.event) ctx.addIssue({ code: 'custom', path: [i, 'event'], message: 'Name the event' });
    // node-name-ok: the setting named condition, not the condition step
    if (item.kind === 'contact' && !item.condition) ctx.addIssue({ code: 'custom', path: [i, 'condition'], message: 'Write the condition' });
    if (item.name !== undefined) {
      if (names.has(item.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'Two goals have this name' });
      names.add(item.name);
    }
  });
}
