import type { FlowSettings } from '@tandem/shared';

/** "Goal: order.paid within 7 days · Exit: order.cancelled": a journey's goals and exits in one line; empty when it has none. */
export function goalWords(settings: Pick<FlowSettings, 'goals' | 'exits'>): string {
  const goals = settings.goals.map((g) => `Goal: ${g.kind === 'event' ? (g.event ?? g.name) : g.name} within ${hoursText(g.windowHours)}`);
  const exits = settings.exits.map((x) => `Exit: ${x.kind === 'event' ? (x.event ?? '…') : (x.condition ?? '…')}`);
  return [...goals, ...exits].join(' · ');
}

function hoursText(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
