import type { FlowSettings, Goal } from '@tandem/shared';
import { parseExpression, toPlain } from '../expressions';

/** A conversion the engine decided to record: which goal, and what it was worth. */
export interface ConversionDecision {
  goal: Goal;
  event: string | null;
  value: number | null;
  currency: string | null;
}

/** Whether a version's settings name any goal or exit: versions without them skip every goal check. */
export function hasOutcomes(settings: Pick<FlowSettings, 'goals' | 'exits'>): boolean {
  return settings.goals.length > 0 || settings.exits.length > 0;
}

/** The goals met by a business event, with their value and currency read from its payload. */
export function eventConversions(
  settings: Pick<FlowSettings, 'goals'>,
  name: string,
  payload: Record<string, unknown>,
  contact: Record<string, unknown>,
  now: Date,
): ConversionDecision[] {
  return settings.goals.filter((g) => g.kind === 'event' && g.event === name).map((goal) => ({ goal, event: name, ...worth(goal, { payload, contact, now }) }));
}

/** The condition goals the contact meets now. */
export function conditionConversions(settings: Pick<FlowSettings, 'goals'>, contact: Record<string, unknown>, now: Date): ConversionDecision[] {
  return settings.goals
    .filter((g) => g.kind === 'contact' && g.condition !== undefined && holds(g.condition, { contact, now }))
    .map((goal) => ({ goal, event: null, value: null, currency: null }));
}

/** The exit a business event or the contact's state triggers, as the run's end reason; undefined when none. */
export function exitReason(settings: Pick<FlowSettings, 'exits'>, on: { event: string } | { contact: Record<string, unknown>; now: Date }): string | undefined {
  for (const exit of settings.exits) {
    if ('event' in on && exit.kind === 'event' && exit.event === on.event) return `exit: ${on.event}`;
    if ('contact' in on && exit.kind === 'contact' && exit.condition !== undefined && holds(exit.condition, on)) return `exit: ${exit.condition}`;
  }
  return undefined;
}

/** Whether a goal's window (hours after the run started) still holds at `at`. */
export function withinWindow(goal: Goal, startedAt: Date, at: Date): boolean {
  return at.getTime() - startedAt.getTime() <= goal.windowHours * 3_600_000;
}

/** A condition that cannot be evaluated (a missing field, a wrong type) does not hold. */
function holds(condition: string, scope: Record<string, unknown>): boolean {
  return evaluate(condition, scope) === true;
}

function evaluate(source: string, scope: Record<string, unknown>): unknown {
  const parsed = parseExpression(source);
  if (!parsed.ok) return undefined;
  try {
    return toPlain(parsed.expression.evaluate(scope));
  } catch {
    return undefined;
  }
}

const currencyCode = /^[A-Z]{3}$/;

/** The value (a number, else none) and currency (a fixed code, or read by expression and upper-cased) of an event goal. */
function worth(goal: Goal, scope: Record<string, unknown>): { value: number | null; currency: string | null } {
  const raw = goal.value ? evaluate(goal.value, scope) : undefined;
  const value =
    typeof raw === 'number' && Number.isFinite(raw) ? raw : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;
  let currency: string | null = null;
  if (goal.currency) {
    const read = currencyCode.test(goal.currency) ? goal.currency : evaluate(goal.currency, scope);
    currency = typeof read === 'string' && currencyCode.test(read.trim().toUpperCase()) ? read.trim().toUpperCase() : null;
  }
  return { value, currency };
}
