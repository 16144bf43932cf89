import { z } from 'zod';
import { attributeDeclSchema } from './attributes';
import { clockTimeSchema, timeZoneSchema } from './primitives';

export const reentryModes = ['never', 'after_completion', 'always'] as const;
export type ReentryMode = (typeof reentryModes)[number];

export const humanReplyModes = ['pause_for', 'until_keyword', 'until_release', 'never'] as const;
export type HumanReplyMode = (typeof humanReplyModes)[number];

/** What the bot does when a person replies from the WhatsApp Business App (a message echo). */
export const humanReplySettingsSchema = z.object({
  mode: z.enum(humanReplyModes).default('pause_for'),
  pauseMinutes: z.number().int().min(1).max(10_080).default(30),
  resumeKeyword: z.string().trim().min(1).max(30).default('#bot'),
  collisionGuardSeconds: z.number().int().min(0).max(3_600).default(60),
});
export type HumanReplySettings = z.infer<typeof humanReplySettingsSchema>;

export const quietHoursSchema = z.object({ start: clockTimeSchema, end: clockTimeSchema });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** Flow-wide settings: who may enter, when it may talk, how it yields to humans. */
export const flowSettingsSchema = z.object({
  reentry: z.enum(reentryModes).default('after_completion'),
  timezone: timeZoneSchema.default('UTC'),
  quietHours: quietHoursSchema.nullable().default(null),
  humanReply: humanReplySettingsSchema.prefault({}),
  attributes: z.array(attributeDeclSchema).max(200).default([]),
  entry: z
    .object({
      skipIfAppConversationWithinHours: z.number().int().min(1).max(24 * 90).nullable().default(null),
    })
    .prefault({}),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;
