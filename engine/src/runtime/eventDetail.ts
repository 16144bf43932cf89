import type { RunEvent } from '@tandem/shared';

/** What the run log keeps of an event a run received (its `event` line's detail): the kind and what identifies it, a message's text cut at 500 characters. */
export function describeEvent(event: RunEvent): Record<string, unknown> {
  switch (event.type) {
    case 'message.received':
      return {
        type: event.type,
        text: event.message.text.slice(0, 500),
        ...(event.message.replyId ? { replyId: event.message.replyId } : {}),
        // What a node-declared kind read (a submitted Flow's answers): the run log shows it.
        ...(event.message.data ? { kind: event.message.kind, data: event.message.data } : {}),
        wamid: event.message.wamid,
      };
    case 'effect.result':
      return { type: event.type, node: event.node, outcome: event.outcome, ...(event.error ? { error: event.error } : {}) };
    case 'timer.fired':
      return { type: event.type, node: event.node, timer: event.timer };
    case 'event.received':
      return { type: event.type, name: event.name };
    case 'handoff.released':
      return { type: event.type, ...(event.by ? { by: event.by } : {}) };
    case 'run.start':
      return { type: event.type, trigger: event.node };
  }
}
