import { assign, setup } from 'xstate';
import { assignNames, effectNames, guardNames, InvariantError, type RunEvent, type TimerKind } from '@tandem/shared';
import { runtimeOf, type Scope, type ValueChanges } from '@tandem/nodes/runtime';
import type { CompiledVersion } from './compiledVersion';
import { runtimeCaps as caps } from './caps';
import type { Effect, RunContext } from './types';

type Params = Record<string, string>;
interface ActionArgs {
  context: RunContext;
  event: RunEvent;
}

/**
 * The XState machine of a published version: the compiled JSON config plus the named guards
 * and actions, implemented by the node runtimes. Every action is an assignment, so XState's
 * pure `transition` records effects and log lines in the context in the order they happen.
 */
export function createFlowMachine(version: CompiledVersion) {
  const node = (id: string) => {
    const n = version.nodes.get(id);
    if (!n) throw new Error(`unknown node ${id}`);
    return { ...n, runtime: runtimeOf(n.type) };
  };
  const scope = (ctx: RunContext): Scope => ({ contact: ctx.contact, vars: ctx.vars, trigger: ctx.trigger, now: new Date(ctx.now), runId: ctx.runId });
  const answerOf = (ctx: RunContext, event: RunEvent, id: string) => {
    if (event.type !== 'message.received') return undefined;
    const n = node(id);
    return n.runtime.answer?.(n.config, event.message, scope(ctx), caps);
  };
  const effect = (ctx: RunContext, e: Effect) => ({ outbox: [...ctx.outbox, e] });

  const guards = {
    [guardNames.trigger]: ({ event }: ActionArgs, p: Params) => event.type === 'run.start' && event.node === p.node,
    [guardNames.expression]: ({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      return n.runtime.branch?.(n.config, p.branch!, scope(context), caps) ?? false;
    },
    [guardNames.split]: ({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      return n.runtime.variant?.(n.config, bucket(`${context.runId}:${p.node}`)) === p.variant;
    },
    [guardNames.answer]: ({ context, event }: ActionArgs, p: Params) => {
      const a = answerOf(context, event, p.node!);
      return a?.ok === true && (p.choice === undefined || a.choice === p.choice);
    },
    [guardNames.canRetry]: ({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      return (context.attempts[p.node!] ?? 0) < (n.runtime.maxRetries?.(n.config) ?? 0);
    },
    [guardNames.outcome]: ({ event }: ActionArgs, p: Params) => event.type === 'effect.result' && event.node === p.node && event.outcome === p.outcome,
    [guardNames.timer]: ({ event }: ActionArgs, p: Params) => event.type === 'timer.fired' && event.node === p.node && event.timer === p.timer,
    [guardNames.event]: ({ event }: ActionArgs, p: Params) => {
      if (event.type !== 'event.received') return false;
      const n = node(p.node!);
      return n.runtime.matchEvent?.(n.config, event.name, event.payload) !== undefined;
    },
  };

  const actions = {
    [effectNames.enter]: assign(({ context }: ActionArgs, p: Params) => ({
      step: context.step + 1,
      currentNode: p.node!,
      log: [...context.log, { kind: 'enter' as const, step: context.step + 1, node: p.node! }],
    })),
    [effectNames.port]: assign(({ context }: ActionArgs, p: Params) => ({
      log: [...context.log, { kind: 'port' as const, step: context.step, node: p.node!, port: p.port! }],
    })),
    [effectNames.send]: assign(({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      const content = n.runtime.message?.(n.config, p.purpose!, scope(context), caps);
      return content ? effect(context, { type: 'send', node: p.node!, step: context.step, purpose: p.purpose!, content }) : {};
    }),
    [effectNames.timer]: assign(({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      const result = n.runtime.timer?.(n.config, p.timer as TimerKind, { now: new Date(context.now), timezone: context.timezone, scope: scope(context), caps });
      if (!result) return {};
      return 'missed' in result
        ? effect(context, { type: 'timer-missed', node: p.node!, step: context.step })
        : effect(context, {
            type: 'timer',
            node: p.node!,
            step: context.step,
            timer: p.timer as TimerKind,
            at: result.at.toISOString(),
            ...(result.restartOnActivityMs !== undefined ? { restartOnActivityMs: result.restartOnActivityMs } : {}),
          });
    }),
    [effectNames.http]: assign(({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      const request = n.runtime.request?.(n.config, scope(context), caps);
      return request ? effect(context, { type: 'http', node: p.node!, step: context.step, request }) : {};
    }),
    // An effect the node's runtime declares, known here only by the name the compiled machine carries.
    [effectNames.node]: assign(({ context, event }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      const declared = n.runtime.effects?.[p.effect!];
      if (!declared) throw new InvariantError(`step ${p.node} names the effect "${p.effect}" its node type does not declare`);
      const payload = declared.payloadFrom(n.config, { scope: scope(context), event, caps });
      return payload === undefined ? {} : effect(context, { type: 'node', name: p.effect!, node: p.node!, step: context.step, payload });
    }),
    [assignNames.captureTrigger]: assign(({ event }: ActionArgs) => (event.type === 'run.start' ? { trigger: event.trigger, runId: event.runId } : {})),
    [assignNames.saveAnswer]: assign(({ context, event }: ActionArgs, p: Params) => {
      const a = answerOf(context, event, p.node!);
      if (!a?.ok) return {};
      const n = node(p.node!);
      return applyChanges(context, n.runtime.save?.(n.config, a.value) ?? {});
    }),
    [assignNames.countAttempt]: assign(({ context }: ActionArgs, p: Params) => ({
      attempts: { ...context.attempts, [p.node!]: (context.attempts[p.node!] ?? 0) + 1 },
    })),
    [assignNames.clearAttempts]: assign(({ context }: ActionArgs, p: Params) => {
      const { [p.node!]: _gone, ...attempts } = context.attempts;
      return { attempts };
    }),
    [assignNames.setValues]: assign(({ context }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      return applyChanges(context, n.runtime.changes?.(n.config, scope(context), caps) ?? {});
    }),
    [assignNames.saveResponse]: assign(({ context, event }: ActionArgs, p: Params) => {
      const n = node(p.node!);
      if (event.type === 'effect.result') {
        const response = event.data as { status: number; body: unknown } | undefined;
        return response ? applyChanges(context, n.runtime.mapResponse?.(n.config, response) ?? {}) : {};
      }
      if (event.type === 'event.received') return applyChanges(context, n.runtime.matchEvent?.(n.config, event.name, event.payload) ?? {});
      return {};
    }),
    [assignNames.recordOutcome]: assign(({ event }: ActionArgs, p: Params) =>
      event.type === 'effect.result' ? { lastOutcome: { node: p.node!, outcome: event.outcome, ...(event.error ? { error: event.error } : {}) } } : {},
    ),
  };

  return setup({ types: {} as { context: RunContext; events: RunEvent }, guards: guards as never, actions: actions as never }).createMachine(
    version.machine as never,
  );
}

/** Applies a step's changes to the journey variables and the contact (as seen and as to be saved). */
function applyChanges(ctx: RunContext, changes: ValueChanges): Partial<RunContext> {
  const out: Partial<RunContext> = {};
  if (changes.vars) out.vars = { ...ctx.vars, ...changes.vars };
  if (changes.contact || changes.addTags || changes.removeTags || changes.consent) {
    const patch = ctx.contactPatch;
    const tags = new Set(Array.isArray(ctx.contact.tags) ? (ctx.contact.tags as string[]) : []);
    for (const t of changes.addTags ?? []) tags.add(t);
    for (const t of changes.removeTags ?? []) tags.delete(t);
    out.contact = {
      ...ctx.contact,
      ...changes.contact,
      tags: [...tags],
      ...(changes.consent ? { marketing_opt_in: changes.consent === 'opt_in' } : {}),
    };
    out.contactPatch = {
      attributes: { ...patch.attributes, ...changes.contact },
      addTags: [...patch.addTags.filter((t) => !changes.removeTags?.includes(t)), ...(changes.addTags ?? [])],
      removeTags: [...patch.removeTags.filter((t) => !changes.addTags?.includes(t)), ...(changes.removeTags ?? [])],
      ...(changes.consent ? { consent: changes.consent } : patch.consent ? { consent: patch.consent } : {}),
    };
  }
  return out;
}

/** A stable number 0–99 for a run and node (FNV-1a), so a contact keeps its split variant. */
export function bucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 100;
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
