import type { InboundKind, InboundReading, WebhookMessage } from './defineInbound';
import { flowReply } from './send-flow/inbound';

/** Message kinds nodes consume beyond the webhook layer's own. A new kind is one line here. */
export const inboundKinds: readonly InboundKind[] = [flowReply];

/** The declared kind a webhook message is, with what it says; undefined when no node declares it. */
export function readDeclaredInbound(message: WebhookMessage): (InboundReading & { kind: string }) | undefined {
  for (const k of inboundKinds) {
    const reading = k.read(message);
    if (reading) return { kind: k.kind, ...reading };
  }
  return undefined;
}
