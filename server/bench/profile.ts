import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/**
 * A CPU profile of this process from now until `stop`: written to `path` (Chrome DevTools opens
 * it) and summed up by package or source folder, the heaviest first.
 */
export async function startProfile(): Promise<{ stop(path: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(path) {
      const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
      session.disconnect();
      writeFileSync(path, JSON.stringify(profile));
      const self = new Map<number, number>();
      for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
      const byPlace = new Map<string, number>();
      let total = 0;
      for (const node of profile.nodes) {
        const us = self.get(node.id) ?? 0;
        if (node.callFrame.functionName === '(idle)' || us === 0) continue;
        total += us;
        const place = placeOf(node.callFrame);
        byPlace.set(place, (byPlace.get(place) ?? 0) + us);
      }
      const top = [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 12);
      return `${path} (${(total / 1000).toFixed(0)} ms busy): ${top.map(([p, us]) => `${p} ${((100 * us) / total).toFixed(0)}%`).join(', ')}`;
    },
  };
}

/** A package (`xstate`, `pg`), a Node internal area, or a source folder of the repository. */
function placeOf(frame: { functionName: string; url: string }): string {
  const pkg = /node_modules\/\.pnpm\/(?:@[^+]+\+)?([^@/]+)@/.exec(frame.url)?.[1];
  if (pkg) return pkg;
  if (frame.url.startsWith('node:')) return frame.url.split('/').slice(0, 2).join('/');
  const src = /\/work\/[^/]+\/([^/]+\/[^/]+\/[^/]+)\//.exec(frame.url)?.[1] ?? /([^/]+\/src\/[^/]+)\//.exec(frame.url)?.[1];
  if (src) return src;
  return frame.functionName ? `(${frame.functionName})` : '(native)';
}
