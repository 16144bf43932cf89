import { z } from 'zod';
import type { WebhookEvent } from './webhookEvents';

/** Records something in a valid change that Tandem leaves alone, with the reason. */
export type Ignore = (reason: string) => void;

export type FieldResult = { ok: true; phoneNumberId: string | null; events: WebhookEvent[]; ignored: string[] } | { ok: false; issues: z.core.$ZodIssue[] };

/** Phone-number-level fields carry `value.metadata`; WABA-level ones (account_update, …) do not. */
const routingSchema = z.object({ metadata: z.object({ phone_number_id: z.string() }) });

/** Binds a `value` schema to the function that turns the parsed value into events. */
export function defineField<T>(schema: z.ZodType<T>, toEvents: (value: T, ignore: Ignore) => WebhookEvent[]): (value: unknown) => FieldResult {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues };
    const ignored: string[] = [];
    const events = toEvents(parsed.data, (reason) => ignored.push(reason));
    const routing = routingSchema.safeParse(parsed.data);
    return { ok: true, phoneNumberId: routing.success ? routing.data.metadata.phone_number_id : null, events, ignored };
  };
}
