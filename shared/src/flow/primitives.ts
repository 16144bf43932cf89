import { z } from 'zod';

/** Identifier of a node, edge or note: safe as a state key, an HTML id and a URL segment. */
export const elementIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1–64 letters, digits, "-" or "_"');

/** Name of an output port (`next`, `timeout`, a button id...). */
export const portIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1–64 letters, digits, "-" or "_"');

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof positionSchema>;

/** `HH:mm`, 24-hour clock. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:30');

/** An IANA time zone name that this runtime knows (e.g. `Europe/Berlin`). */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, 'Unknown time zone: use an IANA name such as Europe/Berlin');

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Snake-case name of a variable or attribute. */
export const variableNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use lower-case letters, digits and "_" (starting with a letter)');
