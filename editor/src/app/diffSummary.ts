import type { VersionWithDiff } from '../workspace/types';

/** What a version changed against the one before, in a line: "+2 steps, 1 changed, +3 −1 connections". */
export function diffSummary(diff: VersionWithDiff['diff']): string {
  if (!diff) return 'First version';
  const parts: string[] = [];
  const steps = (n: number) => `${n} step${n === 1 ? '' : 's'}`;
  if (diff.added.length) parts.push(`+${steps(diff.added.length)}`);
  if (diff.removed.length) parts.push(`−${steps(diff.removed.length)}`);
  if (diff.changed.length) parts.push(`${diff.changed.length} changed`);
  if (diff.connectionsAdded || diff.connectionsRemoved) {
    parts.push(
      `connections ${[diff.connectionsAdded ? `+${diff.connectionsAdded}` : '', diff.connectionsRemoved ? `−${diff.connectionsRemoved}` : ''].filter(Boolean).join(' ')}`,
    );
  }
  if (diff.settingsChanged) parts.push('flow settings changed');
  return parts.length ? parts.join(', ') : 'No changes';
}
