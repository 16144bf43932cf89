import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from './locateJsonError';

const example = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'abandoned-cart.json'), 'utf8');

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonError(example)).toBeUndefined();
    expect(locateJsonError('[1, -2.5e3, "a\\"b", true, false, null, {}]')).toBeUndefined();
  });

  it('agrees with JSON.parse on every truncation of a real flow', () => {
    for (let cut = 0; cut < example.length; cut += 7) {
      const text = example.slice(0, cut);
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(locateJsonError(text) === undefined, `cut at ${cut}`).toBe(parses);
    }
  });

  it('names the offending character and where it is', () => {
    expect(locateJsonError('{"a": 1,}')).toEqual({ offset: 8, reason: 'unexpected "}" where a "quoted" property name should be' });
    expect(locateJsonError("{'a': 1}")).toEqual({ offset: 1, reason: 'unexpected "\'" where a "quoted" property name should be' });
    expect(locateJsonError('{"a": [1 2]}')).toEqual({ offset: 9, reason: 'unexpected "2" where "," or "]" should be' });
    expect(locateJsonError('{"a": "x')).toEqual({ offset: 8, reason: 'a string is not closed with "' });
    expect(locateJsonError('{} {}')).toEqual({ offset: 3, reason: 'unexpected "{" after the end of the document' });
  });
});
