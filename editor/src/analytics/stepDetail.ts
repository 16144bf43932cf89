/** `key: value` pairs of a message's data, without the token that ties a Flow's answers to its step. */
export function answersText(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([key]) => key !== 'flow_token')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** A short line for a step's detail: the event type, a message's text, an error. */
export function describeDetail(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof detail.type === 'string') parts.push(detail.type);
  if (typeof detail.text === 'string' && detail.text) parts.push(`“${detail.text}”`);
  // What a node-declared message kind read, e.g. a submitted WhatsApp Flow's answers.
  if (typeof detail.data === 'object' && detail.data !== null) parts.push(answersText(detail.data as Record<string, unknown>));
  if (typeof detail.reason === 'string') parts.push(detail.reason);
  if (typeof detail.outcome === 'string') parts.push(detail.outcome);
  const error = detail.error;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') parts.push(error.message);
  return parts.length ? parts.join(' · ') : JSON.stringify(detail).slice(0, 160);
}
