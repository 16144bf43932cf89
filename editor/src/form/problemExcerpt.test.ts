import { describe, expect, it } from 'vitest';
import { codeProblems } from './codeAssist';
import { problemExcerpt } from './problemExcerpt';

describe('problemExcerpt', () => {
  it('marks the operator a value is missing after', () => {
    const source = 'vars.total >';
    const [problem] = codeProblems(source, 'expression');
    expect(problem?.message).toBe('Expected a value after `>` at column 12');
    expect(problemExcerpt(source, problem!)).toEqual({ before: 'vars.total ', marked: '>', after: '' });
  });

  it('shows only the line of a long text around the problem', () => {
    const source = `Hello there\n${'x'.repeat(60)} {{ vars.total > }} ${'y'.repeat(60)}`;
    const [problem] = codeProblems(source, 'template');
    const excerpt = problemExcerpt(source, problem!)!;
    expect(excerpt.marked).toBe('>');
    expect(excerpt.before.startsWith('…')).toBe(true);
    expect(excerpt.after.endsWith('…')).toBe(true);
    expect(excerpt.before + excerpt.marked + excerpt.after).not.toContain('Hello');
  });
});
