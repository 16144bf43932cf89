import { describe, expect, it } from 'vitest';
import { loadDocument } from '../store/loadDocument';
import { smallFlow } from '../../test/fixtures';
import { findSteps } from './stepSearch';

const loaded = loadDocument(smallFlow());
if (!loaded.ok) throw new Error('fixture');
const doc = loaded.doc;

describe('searching steps', () => {
  it('finds a step by the text of its message', () => {
    expect(findSteps(doc, 'great')).toEqual(['thanks']);
  });

  it('finds a step by a button title, ignoring case', () => {
    expect(findSteps(doc, 'coffee')).toEqual(['ask']);
  });

  it('finds steps by their id, left to right', () => {
    expect(findSteps(doc, 'a')).toEqual(['start', 'ask', 'thanks']);
  });

  it('needs every word', () => {
    expect(findSteps(doc, 'coffee great')).toEqual([]);
    expect(findSteps(doc, '   ')).toEqual([]);
  });
});
