import { describe, expect, it } from 'vitest';
import { keyedByContent } from './contentKeys';

describe('keyedByContent', () => {
  it('keys items by their content, repeats included', () => {
    expect(keyedByContent(['a', 'b', 'a', 'a~2'], (t) => t).map((k) => k.key)).toEqual(['a', 'b', 'a~2', 'a~2~2']);
  });

  it('keeps the key of an item when one before it is removed', () => {
    const before = keyedByContent([{ m: 'x' }, { m: 'y' }]);
    const after = keyedByContent([{ m: 'y' }]);
    expect(after[0]!.key).toBe(before[1]!.key);
  });
});
