import { describe, expect, it } from 'vitest';
import { generateFlow } from '../../../engine/bench/generateFlow';
import { loadDocument } from '../store/loadDocument';
import { smallFlow } from '../../test/fixtures';
import { definitions } from '@tandem/nodes';
import { layoutFlow } from './autoLayout';
import { iconFor, nodeIcons } from './icons';
import { overlaps } from './placement';

const size = { width: 260, height: 120 };

async function laidOut(input: unknown) {
  const loaded = loadDocument(input);
  if (!loaded.ok) throw new Error('fixture');
  const positions = await layoutFlow(loaded.doc, new Map());
  return { doc: loaded.doc, positions, box: (id: string) => ({ ...positions.get(id)!, ...size }) };
}

describe('auto-layout', () => {
  it('places every step left to right along the connections', async () => {
    const { positions } = await laidOut(smallFlow());
    const x = (id: string) => positions.get(id)!.x;
    expect([...positions.keys()].sort()).toEqual(['ask', 'done', 'start', 'thanks']);
    expect(x('start')).toBeLessThan(x('ask'));
    expect(x('ask')).toBeLessThan(x('thanks'));
    expect(x('ask')).toBeLessThan(x('done'));
    expect(positions.get('thanks')!.y).not.toBe(positions.get('done')!.y);
  });

  describe('a 120-step journey', () => {
    const flow = laidOut(generateFlow(120));

    it('wraps into a screen-like shape instead of one long row', async () => {
      const { doc, box } = await flow;
      const boxes = doc.nodes.map((n) => box(n.id));
      const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
      const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
      expect(width / height).toBeGreaterThan(0.8);
      expect(width / height).toBeLessThan(3);
    });

    it('overlaps no two steps', async () => {
      const { doc, box } = await flow;
      const clashes = doc.nodes.flatMap((a, i) => doc.nodes.slice(i + 1).flatMap((b) => (overlaps(box(a.id), box(b.id)) ? [`${a.id}/${b.id}`] : [])));
      expect(clashes).toEqual([]);
    });

    it('reads like text: every connection leads right, or down to a later band', async () => {
      const { doc, positions } = await flow;
      const backwards = doc.edges.filter((e) => {
        const s = positions.get(e.source)!;
        const t = positions.get(e.target)!;
        return !(t.x > s.x || t.y > s.y);
      });
      expect(backwards.map((e) => `${e.source}→${e.target}`)).toEqual([]);
    });
  });
});

describe('node icons', () => {
  it('has a component for every node type icon', () => {
    for (const def of Object.values(definitions)) {
      expect(nodeIcons[def.icon], def.type).toBeDefined();
      expect(iconFor(def.icon)).toBe(nodeIcons[def.icon]);
    }
  });
});
