import { describe, expect, it } from 'vitest';
import { codeProblems, completionsAt } from './codeAssist';

const variables = { contact: ['first_name', 'tags'], vars: ['budget', 'email'], trigger: ['cart_url'] };

describe('code assist', () => {
  it('marks a syntax error where it is', () => {
    const [problem] = codeProblems('contact.tags ==', 'expression');
    expect(problem?.severity).toBe('error');
    expect(problem!.start).toBeGreaterThanOrEqual(0);
  });

  it('marks unknown roots, and variables not set at this step', () => {
    const problems = codeProblems('foo.bar > 1 && vars.coupon == ""', 'expression', { variables });
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', expect.stringMatching(/Unknown name "foo"/)],
      ['warning', expect.stringMatching(/vars\.coupon is not set/)],
    ]);
    expect(codeProblems('has(vars.coupon) && vars.coupon == "x"', 'expression', { variables })).toEqual([]);
  });

  it('points at the placeholder in message text; a fallback makes an unset variable fine', () => {
    const text = 'Hi {{vars.nick}}, see {{ trigger.cart_url }}';
    const [problem] = codeProblems(text, 'template', { variables });
    expect(text.slice(problem!.start, problem!.end)).toBe('vars.nick');
    expect(codeProblems('Hi {{vars.nick | "there"}}', 'template', { variables })).toEqual([]);
    expect(codeProblems('Hi {{contact.first_name', 'template')[0]?.message).toMatch(/not closed/);
  });

  it('accepts extra roots such as answer in a validation rule', () => {
    expect(codeProblems('answer > 0', 'expression', { extraRoots: ['answer'] })).toEqual([]);
    expect(codeProblems('answer > 0', 'expression')[0]?.message).toMatch(/Unknown name "answer"/);
  });

  it('checks a JSON body with placeholders', () => {
    expect(codeProblems('{"phone": "{{contact.phone}}"}', 'json-template')).toEqual([]);
    expect(codeProblems('{"phone": ', 'json-template')[0]?.message).toMatch(/Not valid JSON/);
  });

  it('completes the variables available at the step after a root', () => {
    const found = completionsAt('vars.b', 'expression', variables)!;
    expect(found.items.map((i) => i.label)).toEqual(['budget']);
    expect(found.from).toBe('vars.'.length);
    expect(completionsAt('x && contact.', 'expression', variables)!.items.map((i) => i.label)).toEqual(['first_name', 'tags']);
  });

  it('completes roots, and in message text only inside a placeholder', () => {
    expect(completionsAt('t', 'expression', variables)!.items.map((i) => i.label)).toEqual(['trigger', 'timestamp']);
    expect(completionsAt('Hello tr', 'template', variables)).toBeUndefined();
    expect(completionsAt('Hello {{ tr', 'template', variables)!.items.map((i) => i.label)).toContain('trigger');
    expect(completionsAt('Hi {{vars.e', 'template', variables)!.items.map((i) => i.label)).toEqual(['email']);
    expect(completionsAt('an', 'expression', variables, ['answer'])!.items.map((i) => i.label)).toEqual(['answer']);
  });
});
