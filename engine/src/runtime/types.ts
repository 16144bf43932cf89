import type { TimerKind } from '@tandem/shared';
import type { OutboundContent } from '@tandem/nodes';
import type { HttpRequestSpec } from '@tandem/nodes/runtime';
import type { RunContextJson } from '../compiler';

/** A contact as the engine reads it (from the store). */
export interface ContactState {
  id: number;
  workspaceId: string;
  waId: string | null;
  userId: string | null;
  phone: string | null;
  profileName: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  timezone: string | null;
  marketingConsent: 'unknown' | 'opted_in' | 'opted_out';
  lastInboundAt: Date | null;
  freeEntryUntil: Date | null;
  /** The last message a person sent the contact from the Business App, live or in the synced history. */
  lastAppReplyAt: Date | null;
  /** The last live App reply (an echo) and its text, trimmed and lower-cased: journeys' human-reply rules judge from them. */
  lastEchoAt: Date | null;
  lastEchoText: string | null;
  /** When a teammate last gave the contact back to the bot. */
  botReleasedAt: Date | null;
  /** All automation is paused until then (a handoff: a person owns the chat). */
  pausedUntil: Date | null;
  /** Why automation is paused: `person` (a handoff). */
  pauseReason: string | null;
  createdAt: Date;
}

/** Something a step asks the world to do, computed with the journey's state at that moment. */
export type Effect =
  | { type: 'send'; node: string; step: number; purpose: string; content: OutboundContent }
  | { type: 'timer'; node: string; step: number; timer: TimerKind; at: string; restartOnActivityMs?: number }
  | { type: 'timer-missed'; node: string; step: number }
  | { type: 'http'; node: string; step: number; request: HttpRequestSpec }
  /** An effect the node's runtime declares (`effects[name]`): the engine parses the payload and runs its handler. */
  | { type: 'node'; node: string; step: number; name: string; payload: unknown };

/** One line of a run's log. */
export interface LogEntry {
  // node-name-ok: run-log kinds ('end': the run finished), not node types
  kind: 'enter' | 'port' | 'event' | 'end';
  step: number;
  node: string | null;
  port?: string;
  detail?: Record<string, unknown>;
}

/** Changes a step made to the contact, applied by the engine in the same transaction. */
export interface ContactPatch {
  attributes: Record<string, unknown>;
  addTags: string[];
  removeTags: string[];
  consent?: 'opt_in' | 'opt_out';
}

/** The machine's context while a transition runs: the stored part plus what the engine injects. */
export interface RunContext extends RunContextJson {
  /** The contact as expressions see it (injected before each transition, never stored). */
  contact: Record<string, unknown>;
  /** Current time, ISO (injected). */
  now: string;
  /** Contact's time zone, else the flow's (injected). */
  timezone: string;
  log: LogEntry[];
  outbox: Effect[];
  contactPatch: ContactPatch;
}

export const emptyPatch = (): ContactPatch => ({ attributes: {}, addTags: [], removeTags: [] });
