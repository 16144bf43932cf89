import type { FlowDocument } from '@tandem/shared';
import { portsOf, stepName } from '../analytics/stepWords';

/** What the journey does once a conversation is back with the bot. */
export interface AfterRelease {
  /** The output the step leaves by ("Back to bot"). */
  output?: string;
  /** The step that comes next, by name; undefined when nothing is connected (the journey ends). */
  next?: string;
}

/**
 * Where the run goes from the handoff step: the step connected to its normal output (the one the
 * step declares as `next`, e.g. "Back to bot"), or the end of the journey.
 */
export function afterRelease(doc: Pick<FlowDocument, 'nodes' | 'edges'>, nodeId: string): AfterRelease {
  const node = doc.nodes.find((n) => n.id === nodeId);
  const port = node ? portsOf(node).find((p) => p.kind === 'next') : undefined;
  if (!port) return {};
  const edge = doc.edges.find((e) => e.source === nodeId && e.sourceHandle === port.id);
  const target = edge ? doc.nodes.find((n) => n.id === edge.target) : undefined;
  return { output: port.label, ...(target ? { next: stepName(target) } : {}) };
}

/** The confirmation said after "Back to bot", in a sentence. */
export function releaseSentence(flowName: string | undefined, after: AfterRelease | undefined): string {
  const journey = flowName ? `The journey “${flowName}”` : 'The journey';
  if (!after) return 'The bot answers this contact again. No journey was waiting for this conversation.';
  const via = after.output ? ` by “${after.output}”` : '';
  if (after.next) return `${journey} goes on${via} with “${after.next}”. You can no longer reply here.`;
  return `${journey} ends here${via}: nothing is connected after it. The bot answers new messages as your journeys say.`;
}
