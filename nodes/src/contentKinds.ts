import { z } from 'zod';
import type { ContentKind } from './defineContent';
import { textContent } from './common/content/text';
import { mediaContent } from './common/content/media';
import { buttonsContent } from './common/content/buttons';
import { listContent } from './common/content/list';
import { templateContent } from './common/content/template';
import { flowContent } from './send-flow/content';

/** Every kind of message the nodes send. A new kind is one line here. */
export const contentKinds = [textContent, mediaContent, buttonsContent, listContent, templateContent, flowContent] as const;

type Kinds = (typeof contentKinds)[number];
/** A message Tandem sends, after placeholders are filled in: what the thread shows and the transport turns into a Cloud API body. */
export type OutboundContent = z.output<Kinds['schema']>;

const byKind = new Map<string, ContentKind<{ kind: string }>>(contentKinds.map((k) => [k.kind, k as unknown as ContentKind<{ kind: string }>]));

/** Parses a stored message by the schema its kind declares. */
export const outboundContentSchema = z.looseObject({ kind: z.string() }).transform((value, ctx) => {
  const kind = byKind.get(value.kind);
  if (!kind) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `no node declares the message kind "${value.kind}"` });
    return z.NEVER;
  }
  const parsed = kind.schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return parsed.data as OutboundContent;
}) as unknown as z.ZodType<OutboundContent>;

/** The declaration of a content kind; undefined for a kind no node declares. */
export function contentKindOf(kind: string): ContentKind<{ kind: string }> | undefined {
  return byKind.get(kind);
}

/** The template a message is (name, language, category), or undefined for a free-form message that needs the window. */
export function templateOf(content: { kind: string }): ReturnType<NonNullable<ContentKind<{ kind: string }>['template']>> | undefined {
  return contentKindOf(content.kind)?.template?.(content);
}

/** Interactive message types the nodes declare beyond reply buttons and lists (Meta's `interactive` objects). */
export function declaredInteractiveSchemas(): z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>[] {
  return contentKinds.flatMap((k) => ('interactive' in k && k.interactive ? [k.interactive] : []));
}
