import { describe, expect, it } from 'vitest';
import { parseExpression, parseTemplate } from './index';

/** The message and the marked characters of a failed parse. */
function problem(source: string): { message: string; marked: string } {
  const parsed = parseExpression(source);
  if (parsed.ok) throw new Error(`"${source}" parsed`);
  return { message: parsed.message, marked: source.slice(parsed.offset, parsed.end) };
}

describe('expression syntax errors in words', () => {
  it('says a value is missing after a comparison and marks the operator', () => {
    expect(problem('vars.total >')).toEqual({ message: 'Expected a value after `>` at column 12', marked: '>' });
    expect(problem('contact.budget >= ')).toEqual({ message: 'Expected a value after `>=` at column 16', marked: '>=' });
  });

  it('names the token found in symbols, never the parser name', () => {
    const { message, marked } = problem('vars.total > > 3');
    expect(message).toBe('Expected a value after `>`, found `>` at column 14');
    expect(marked).toBe('>');
    expect(problem('a || || b').message).not.toMatch(/\bOR\b|GT|EOF/);
  });

  it('points at the bracket that is never closed', () => {
    expect(problem('contact.name == "Ann" && (vars.x > 2')).toEqual({
      message: 'The `(` at column 26 is never closed: expected `)`, found the end',
      marked: '(',
    });
    expect(problem('[1, 2').message).toBe('The `[` at column 1 is never closed: expected `]`, found the end');
  });

  it('says a closing bracket closes nothing', () => {
    expect(problem('a == "x"]')).toEqual({ message: 'The `]` at column 9 closes nothing: there is no `[` before it', marked: ']' });
  });

  it('explains that a single = does not compare', () => {
    expect(problem('contact.city = "Paris"')).toEqual({ message: 'A single `=` at column 14 cannot compare: write `==`', marked: '=' });
  });

  it('asks for an operator between two values', () => {
    expect(problem('true false').message).toBe('Expected an operator such as `==`, `&&` or `+` before `false` at column 6');
  });

  it('asks for a field name after a dot', () => {
    expect(problem('contact.').message).toBe('Expected a field name after `.` at column 8, found the end');
  });

  it('says which quote is missing', () => {
    expect(problem('contact.name == "Ann').message).toBe('The text in quotes at column 17 is not closed: add the closing "');
  });

  it('asks for the second part of a choice', () => {
    expect(problem('vars.vip ? 10').message).toBe('Expected `:` at column 14: a choice with `?` needs a value for each case');
  });

  it('places a placeholder error in the text without a column of its own', () => {
    expect(parseTemplate('Hi {{ vars.total > }}').errors).toEqual([{ message: 'In {{ vars.total > }}: Expected a value after `>`', offset: 17, end: 18 }]);
  });
});
