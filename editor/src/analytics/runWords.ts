import type { RunView } from '@tandem/shared/api';

/** A run's status as a marketer says it. */
export const runStatusText: Record<RunView['status'], string> = {
  active: 'Running',
  completed: 'Finished',
  failed: 'Failed',
  cancelled: 'Stopped',
};

const waitingText: Record<string, string> = {
  reply: 'waiting for the contact to reply',
  event: 'waiting for an event',
  timer: 'waiting',
  send: 'sending a message',
  http: 'waiting for an answer from another system',
  person: 'with a person from the team',
};

/** What an active run is doing at its step ("waiting for the contact to reply"). */
export function waitingWords(waitingFor: string | null): string | undefined {
  return waitingFor ? (waitingText[waitingFor] ?? `waiting (${waitingFor})`) : undefined;
}
