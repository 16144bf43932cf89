import { WINDOW_MS, diagnostic, type Diagnostic, type TemplateInfo } from '@tandem/shared';
import { parseNodeConfig, type FreeFormSend, type ReplyChoice, type WindowEffect } from '@tandem/nodes';
import { nodeLabel, type FlowGraph } from '../graph';

/** Whether a free-form message is proven to go out within 24 h of the contact's last message. */
export interface WindowProof {
  nodeId: string;
  status: 'safe' | 'needs_fallback' | 'unsafe';
  /** Longest possible time since the contact's last message when the step runs; null when unbounded. */
  worstMs: number | null;
  /** Why it may be outside the window (empty when safe). */
  reason: string;
}

interface Elapsed {
  /** Worst-case ms since the last inbound message; Infinity when unbounded. */
  ms: number;
  /** The step that made it unbounded or pushed it past 24 h. */
  cause?: string;
  /** A step with invalid settings is on the way: its own errors come first, no verdict here. */
  uncertain?: boolean;
}

const MAX_UPDATES = 200;

/**
 * Forward data-flow over the graph: at every step, the longest time that can have passed since
 * the contact last wrote. Inbound triggers and answers reset it; waits and timeouts add to it;
 * anything unbounded (an event trigger, a handoff, a wait for a date) makes it unknown.
 */
export function proveWindow(graph: FlowGraph, workspace: { templates?: readonly TemplateInfo[] } = {}): { proofs: WindowProof[]; diagnostics: Diagnostic[] } {
  const state = new Map<string, Elapsed>();
  const updates = new Map<string, number>();
  const queue: string[] = [];
  for (const t of graph.triggers) {
    state.set(t, { ms: 0 });
    queue.push(t);
  }
  while (queue.length) {
    const id = queue.shift()!;
    const here = state.get(id)!;
    const n = graph.nodes.get(id)!;
    const outs: [string, Elapsed][] =
      n.def && n.config !== undefined
        ? [...graph.targets.get(id)!].map(([port, target]) => [target, apply(n.def!.analysis.window(n.config, port), here, id)])
        : [...graph.successors.get(id)!].map((target) => [target, { ...here, uncertain: true }]);
    for (const [target, value] of outs) {
      const current = state.get(target);
      if (current && current.ms >= value.ms && (current.uncertain || !value.uncertain)) continue;
      const count = (updates.get(target) ?? 0) + 1;
      updates.set(target, count);
      const merged = { ...value, ms: Math.max(value.ms, current?.ms ?? 0), uncertain: Boolean(value.uncertain || current?.uncertain) };
      state.set(target, count > MAX_UPDATES ? { ...merged, ms: Infinity, cause: value.cause ?? id } : merged);
      queue.push(target);
    }
  }

  const proofs: WindowProof[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [id, elapsed] of state) {
    const n = graph.nodes.get(id)!;
    if (!n.def || n.config === undefined) continue;
    for (const send of n.def.analysis.freeFormSends(n.config)) {
      if (elapsed.uncertain) continue;
      if (elapsed.ms < WINDOW_MS) {
        proofs.push({ nodeId: id, status: 'safe', worstMs: elapsed.ms, reason: '' });
        continue;
      }
      const reason = explain(graph, elapsed);
      const worstMs = Number.isFinite(elapsed.ms) ? elapsed.ms : null;
      const listen = listenFix(graph, id, send, workspace);
      if (send.fallbackPort && graph.targets.get(id)!.has(send.fallbackPort)) {
        proofs.push({ nodeId: id, status: 'needs_fallback', worstMs, reason });
        // The fallback is connected, but where nothing shows the contact wrote, most contacts take it without being asked.
        if (listen && worstMs === null) {
          const fallback = n.ports?.find((p) => p.id === send.fallbackPort)?.label ?? send.fallbackPort;
          diagnostics.push(
            diagnostic(
              'reply-buttons-ignored',
              `${send.what} is sent only inside the 24-hour window: ${reason} So most contacts leave by "${fallback}" without being asked. ${send.instead ?? ''}`.trim(),
              { nodeId: id, fix: listen },
            ),
          );
        }
        continue;
      }
      proofs.push({ nodeId: id, status: 'unsafe', worstMs, reason });
      const fix = send.fallbackPort
        ? `WhatsApp only allows templates then. Connect its "${n.ports?.find((p) => p.id === send.fallbackPort)?.label ?? send.fallbackPort}" output to a template, or send a template instead.`
        : 'WhatsApp only allows templates then, so it may not be delivered.';
      const instead = send.instead ? ` ${send.instead}` : '';
      diagnostics.push(
        diagnostic(
          send.fallbackPort ? 'window-closed-send' : 'message-outside-window',
          `${send.what} may be sent outside the 24-hour window: ${reason} ${fix}${instead}`,
          { nodeId: id, ...(listen ? { fix: listen } : {}) },
        ),
      );
    }
  }
  return { proofs, diagnostics };
}

/**
 * When every step leading here sends a message with quick replies (a template's buttons) and the
 * step can listen to them instead of sending, the settings that do so.
 */
function listenFix(graph: FlowGraph, id: string, send: FreeFormSend, workspace: { templates?: readonly TemplateInfo[] }) {
  if (!send.listenTo) return undefined;
  const incoming = graph.incoming.get(id) ?? [];
  let replies: ReplyChoice[] | undefined;
  for (const { source } of incoming) {
    const s = graph.nodes.get(source);
    const choices = s?.def && s.config !== undefined ? (s.def.analysis.replyChoices?.(s.config, workspace) ?? []) : [];
    if (choices.length === 0) return undefined;
    replies ??= choices;
  }
  if (!replies) return undefined;
  const fix = send.listenTo(replies);
  // Connections from outputs the new settings do not have go with the fix.
  const n = graph.nodes.get(id)!;
  const parsed = n.def ? parseNodeConfig(n.def, fix.config) : undefined;
  if (!n.def || !parsed?.ok) return undefined;
  const keeps = new Set(n.def.ports(parsed.config).map((p) => p.id));
  const disconnect = [...graph.targets.get(id)!.keys()].filter((port) => !keeps.has(port));
  const portLabel = (port: string) => n.ports?.find((p) => p.id === port)?.label ?? port;
  return {
    ...fix,
    notes: [...fix.notes, ...disconnect.map((port) => `The "${portLabel(port)}" output goes away, with its connection.`)],
    disconnect,
  };
}

function apply(effect: WindowEffect, here: Elapsed, node: string): Elapsed {
  switch (effect.kind) {
    case 'reset':
      return { ms: 0 };
    case 'unknown':
      return { ms: Infinity, cause: node, ...(here.uncertain ? { uncertain: true } : {}) };
    case 'elapse': {
      const ms = here.ms + effect.ms;
      const crossed = here.ms < WINDOW_MS && ms >= WINDOW_MS;
      return crossed ? { ...here, ms, cause: node } : { ...here, ms };
    }
  }
}

function explain(graph: FlowGraph, elapsed: Elapsed): string {
  const cause = elapsed.cause ? graph.nodes.get(elapsed.cause) : undefined;
  const name = cause ? `"${nodeLabel(cause)}" (${cause.node.id})` : 'an earlier step';
  if (!Number.isFinite(elapsed.ms)) {
    if (cause?.def?.category === 'trigger') {
      return `nothing shows the contact wrote in the last 24 hours, because contacts can arrive from ${name}, which is not a message from them.`;
    }
    return `after ${name} there is no limit on how long ago the contact last wrote.`;
  }
  const hours = Math.round((elapsed.ms / 3_600_000) * 10) / 10;
  return `up to ${hours} hours can pass between the contact's last message and this step (${name} takes that long).`;
}
