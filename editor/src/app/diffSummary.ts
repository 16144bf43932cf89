import type { VersionWithDiff } from '../workspace/types';

/** What a version changed against the one before, in a line: "2 steps added, 1 changed · 3 connections added, 1 removed". */
export function diffSummary(diff: VersionWithDiff['diff']): string {
  if (!diff) return 'First version';
  const groups: string[] = [];
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const steps = [
    diff.added.length ? `${counted(diff.added.length, 'step', 'steps')} added` : '',
    diff.removed.length ? `${diff.added.length ? diff.removed.length : counted(diff.removed.length, 'step', 'steps')} removed` : '',
    diff.changed.length ? `${diff.added.length || diff.removed.length ? diff.changed.length : counted(diff.changed.length, 'step', 'steps')} changed` : '',
  ].filter(Boolean);
  if (steps.length) groups.push(steps.join(', '));
  const links = [
    diff.connectionsAdded ? `${counted(diff.connectionsAdded, 'connection', 'connections')} added` : '',
    diff.connectionsRemoved ? `${diff.connectionsAdded ? diff.connectionsRemoved : counted(diff.connectionsRemoved, 'connection', 'connections')} removed` : '',
  ].filter(Boolean);
  if (links.length) groups.push(links.join(', '));
  if (diff.settingsChanged) groups.push('flow settings changed');
  return groups.length ? groups.join(' · ') : 'No changes to the steps';
}
