import type { PolicyContext, PolicyFinding } from '../nodePolicy';
import { nextFireAt } from './broadcast';
import type { TriggerScheduleConfig } from './definition';

/** A one-off broadcast whose time has passed (in the workspace's time) would never be sent. */
export function checkTriggerSchedule({ schedule }: TriggerScheduleConfig, ctx: PolicyContext): PolicyFinding[] {
  if (!ctx.now || schedule.kind !== 'once' || nextFireAt(schedule, ctx.now) !== null) return [];
  return [
    {
      code: 'broadcast-in-past',
      message: `This one-off broadcast was due ${schedule.at.replace('T', ' ')} (${schedule.timezone}); that time has passed, so it will not be sent. Pick a later time or a repeating schedule.`,
      path: ['schedule', 'at'],
    },
  ];
}
