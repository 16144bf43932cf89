import type { z } from 'zod';
import type { TemplateInfo } from '@tandem/shared';

/** The part of a Cloud API send body a content kind fills: its `type` and that type's object. */
export type CloudBody = { type: string } & Record<string, unknown>;

/**
 * A kind of message Tandem sends, declared by the nodes that produce it: the rendered shape, how it
 * becomes a Cloud API body, and what the send policy must know. The engine reads only this.
 */
export interface ContentKind<C extends { kind: string }> {
  kind: C['kind'];
  /** The rendered message, as stored in the thread and handed to the transport. */
  schema: z.ZodType<C>;
  /** The Cloud API body for this message (without the envelope: recipient, context, callback data). */
  toCloud(content: C): CloudBody;
  /**
   * Meta's contract for an interactive message type Tandem's WhatsApp layer does not know itself: the
   * `interactive` object, discriminated on `type`. The send path and the Cloud API stand-in check it.
   */
  interactive?: z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;
  /** A template may be sent at any time; anything else needs the 24-hour window. */
  template?(content: C): { name: string; language: string; category: TemplateInfo['category'] } | undefined;
  /** When the window is closed, the template to send instead (a Flow's button template); absent: the step's window_closed output. */
  outsideWindow?(content: C): { kind: string } | undefined;
  /** One line for thread lists, the inbox and the run log. */
  preview(content: C): string;
}

export function defineContent<C extends { kind: string }>(kind: ContentKind<C>): ContentKind<C> {
  return kind;
}
