import { describe, expect, it } from 'vitest';
import { attributeDraft, attributeNameProblem, attributeText, parseAttribute } from './attributeValue';

describe('parseAttribute', () => {
  it('stores what a person typed as the declared type, as the CSV import does', () => {
    expect(parseAttribute(' 1500 ', 'number')).toEqual({ value: 1500 });
    expect(parseAttribute('9,99', 'number')).toEqual({ value: 9.99 });
    expect(parseAttribute('Yes', 'boolean')).toEqual({ value: true });
    expect(parseAttribute('no', 'boolean')).toEqual({ value: false });
    expect(parseAttribute('2026-03-31', 'date')).toEqual({ value: '2026-03-31T00:00:00.000Z' });
    expect(parseAttribute('red, blue,red, ', 'list')).toEqual({ value: ['red', 'blue'] });
    expect(parseAttribute(' green plants ', 'string')).toEqual({ value: 'green plants' });
  });

  it('says what to write when the text is not of the type', () => {
    expect(parseAttribute('lots', 'number')).toEqual({ error: 'Write a number, such as 1500 or 9.99' });
    expect(parseAttribute('maybe', 'boolean')).toEqual({ error: 'Choose yes or no' });
    expect(parseAttribute('31/03/2026', 'date')).toEqual({ error: 'Write a date as YYYY-MM-DD, such as 2026-03-31' });
    expect(parseAttribute(' , ', 'list')).toEqual({ error: 'Write the items separated by commas' });
    expect(parseAttribute('  ', 'string')).toEqual({ error: 'Write a value, or remove the attribute' });
  });
});

describe('attributeText and attributeDraft', () => {
  it('show values as people read them and edit them again', () => {
    expect(attributeText(true, 'boolean')).toBe('Yes');
    expect(attributeText(['red', 'blue'], 'list')).toBe('red, blue');
    expect(attributeText({ a: 1 })).toBe('{"a":1}');
    expect(attributeDraft('2026-03-31T00:00:00.000Z', 'date')).toBe('2026-03-31');
    expect(attributeDraft(false, 'boolean')).toBe('no');
    expect(attributeDraft(['red', 'blue'], 'list')).toBe('red, blue');
  });
});

describe('attributeNameProblem', () => {
  it('accepts a new snake_case name and the names people may set', () => {
    expect(attributeNameProblem('favourite_colour', [])).toBeUndefined();
    expect(attributeNameProblem('language', [])).toBeUndefined();
  });

  it('refuses names the server would refuse, saying why', () => {
    expect(attributeNameProblem('Favourite colour', [])).toBe('Use lower-case letters, digits and _, starting with a letter (such as favourite_colour)');
    expect(attributeNameProblem('wa_id', [])).toBe('“wa_id” is kept by Tandem and cannot be set');
    expect(attributeNameProblem('timezone', [])).toBe('Set the time zone above');
    expect(attributeNameProblem('budget', ['budget'])).toBe('The contact already has “budget”: change it in its row');
    expect(attributeNameProblem('', [])).toBe('Give the attribute a name');
  });
});
