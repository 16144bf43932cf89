import { describe, expect, it } from 'vitest';
import { loadDocument } from '../store/loadDocument';
import { smallFlow } from '../../test/fixtures';
import { definitions } from '@tandem/nodes';
import { layoutFlow } from './autoLayout';
import { iconFor, nodeIcons } from './icons';

describe('auto-layout', () => {
  it('places every step left to right along the connections', async () => {
    const loaded = loadDocument(smallFlow());
    if (!loaded.ok) throw new Error('fixture');
    const positions = await layoutFlow(loaded.doc, new Map());
    const x = (id: string) => positions.get(id)!.x;
    expect([...positions.keys()].sort()).toEqual(['ask', 'done', 'start', 'thanks']);
    expect(x('start')).toBeLessThan(x('ask'));
    expect(x('ask')).toBeLessThan(x('thanks'));
    expect(x('ask')).toBeLessThan(x('done'));
    expect(positions.get('thanks')!.y).not.toBe(positions.get('done')!.y);
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
