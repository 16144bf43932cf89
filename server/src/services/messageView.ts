import type { MessageView } from '@tandem/shared/api';
import type { messages } from '../db/schema';

/** A message of a thread as the API shows it. */
export function messageView(m: typeof messages.$inferSelect): MessageView {
  return {
    id: m.id,
    direction: m.direction,
    type: m.type,
    content: m.content,
    status: m.status,
    error: m.error,
    wamid: m.wamid,
    runId: m.runId,
    nodeId: m.nodeId,
    at: m.at.toISOString(),
    ...(m.purpose === 'agent' ? { agent: { name: typeof m.content.sentBy === 'string' ? m.content.sentBy : null } } : {}),
  };
}

/**
 * One line of text for a message whatever its kind: inbound text (`body`), button and list
 * replies (`title`), captions, Tandem's own messages (`text`, `body`, template name).
 */
export function messagePreview(content: Record<string, unknown>): string | null {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const reply = (content.button_reply ?? content.list_reply) as { title?: unknown } | undefined;
  const kind = str(content.kind);
  return (
    str(content.text) ??
    str(content.body) ??
    str(reply?.title) ??
    str(content.caption) ??
    (kind === 'template' && str(content.name) ? `Template ${String(content.name)}` : undefined) ??
    null
  );
}
