/** A WhatsApp message as the webhook delivers it: its `type` and that type's object, among the envelope's fields. */
export type WebhookMessage = { type: string } & Record<string, unknown>;

/** What a declared inbound kind reads from a message: the engine's text, and structured data the node consumes. */
export interface InboundReading {
  text: string;
  data?: Record<string, unknown>;
}

/**
 * A kind of message the contact sends that a node consumes (a Flow's form reply), declared by that
 * node: the webhook layer asks each declared kind before its own built-in kinds.
 */
export interface InboundKind {
  kind: string;
  /** Reads the message; undefined when it is not of this kind. */
  read(message: WebhookMessage): InboundReading | undefined;
}

export function defineInbound(kind: InboundKind): InboundKind {
  return kind;
}
