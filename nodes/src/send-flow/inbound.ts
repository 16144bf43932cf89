import { defineInbound } from '../defineInbound';

/** The kind of a contact's submitted WhatsApp Flow. */
export const FLOW_REPLY = 'flow_reply';

/**
 * A submitted Flow arrives as an interactive `nfm_reply` whose `response_json` is a JSON string
 * holding the `flow_token` and the answers (FACTS.md §3). Unreadable JSON gives no answers.
 */
export const flowReply = defineInbound({
  kind: FLOW_REPLY,
  read(m) {
    const interactive = m.interactive as { type?: unknown; nfm_reply?: { body?: unknown; response_json?: unknown } } | undefined;
    if (m.type !== 'interactive' || interactive?.type !== 'nfm_reply') return undefined;
    const reply = interactive.nfm_reply ?? {};
    return { text: typeof reply.body === 'string' ? reply.body : 'Sent', data: parseResponse(reply.response_json) };
  },
});

function parseResponse(json: unknown): Record<string, unknown> {
  if (typeof json !== 'string') return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
