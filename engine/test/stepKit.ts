import type { InboundMessage, RunEvent } from '@tandem/shared';
import { compileVersion, type CompiledVersion } from '../src/runtime/compiledVersion';
import { createFlowMachine, type FlowMachine } from '../src/runtime/flowMachine';
import { startRun, stepRun, type StepResult, type StoredSnapshot } from '../src/runtime/stepRun';
import type { ContactState } from '../src/runtime/types';
import { loadExample } from './fixtureKit';

export function contact(overrides: Partial<ContactState> = {}): ContactState {
  return {
    id: 7,
    workspaceId: 'ws_test',
    waId: '16505551234',
    userId: null,
    phone: '+16505551234',
    profileName: 'Sheena',
    attributes: { first_name: 'Sheena' },
    tags: [],
    timezone: 'Europe/Berlin',
    marketingConsent: 'unknown',
    lastInboundAt: null,
    freeEntryUntil: null,
    lastAppReplyAt: null,
    lastEchoAt: null,
    lastEchoText: null,
    botReleasedAt: null,
    pausedUntil: null,
    pauseReason: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function message(text: string, extra: Partial<InboundMessage> = {}): RunEvent {
  return { type: 'message.received', message: { wamid: `wamid.${Math.random()}`, kind: 'text', text, at: '2026-11-24T10:00:00Z', ...extra } };
}

/** Drives one run through a flow with scripted events, storing and restoring the snapshot as JSON between steps like the engine does. */
export class RunDriver {
  readonly version: CompiledVersion;
  readonly machine: FlowMachine;
  snapshot!: StoredSnapshot;
  last!: StepResult;
  now: Date;
  person: ContactState;

  constructor(doc: unknown, start = new Date('2026-11-24T10:00:00Z'), who = contact()) {
    this.version = compileVersion(1, 'flow', doc);
    this.machine = createFlowMachine(this.version);
    this.now = start;
    this.person = who;
  }

  static example(name: string): RunDriver {
    return new RunDriver(loadExample(name));
  }

  start(trigger: string, payload: Record<string, unknown> = {}): StepResult {
    return this.keep(startRun(this.version, this.machine, 'run-1', trigger, payload, { now: this.now, contact: this.person }));
  }

  send(event: RunEvent): StepResult {
    const restored = JSON.parse(JSON.stringify(this.snapshot)) as StoredSnapshot;
    return this.keep(stepRun(this.version, this.machine, restored, event, { now: this.now, contact: this.person }));
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  private keep(result: StepResult): StepResult {
    this.snapshot = result.snapshot;
    this.last = result;
    return result;
  }
}

export const ports = (r: StepResult) => r.log.filter((l) => l.kind === 'port').map((l) => `${l.node}.${l.port}`);
export const entered = (r: StepResult) => r.log.filter((l) => l.kind === 'enter').map((l) => l.node);
export const effectKinds = (r: StepResult) => r.effects.map((e) => `${e.type}:${e.node}`);
