import { describe, expect, it } from 'vitest';
import { parseExpression } from './parseExpression';
import { parseTemplate, renderTemplate } from './template';

const scope = {
  contact: { first_name: 'Ana', orders: 3, total: 120.5, tags: ['vip'], nickname: null },
  vars: { budget: 500000 },
  trigger: { cart: { total: 80 } },
  now: new Date('2026-11-24T10:00:00Z'),
  answer: null,
};

function run(source: string, s: Record<string, unknown> = scope): unknown {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expression.evaluate(s);
}

function render(source: string, s: Record<string, unknown> = scope): string {
  const t = parseTemplate(source);
  if (t.errors.length) throw new Error(t.errors[0]!.message);
  return renderTemplate(t.parts, s);
}

describe('expressions', () => {
  it('evaluates conditions marketers write, mixing whole and decimal numbers', () => {
    expect(run('contact.orders >= 3 && "vip" in contact.tags')).toBe(true);
    expect(run('contact.orders + 1')).toBe(4);
    expect(run('contact.total * 2 > 200')).toBe(true);
    expect(run('trigger.cart.total < 100 ? "small" : "big"')).toBe('small');
    expect(run('now > timestamp("2026-01-01T00:00:00Z")')).toBe(true);
  });

  it('lists the variables an expression reads, and which reads are guarded by has(), .? or a has() check before them', () => {
    const parsed = parseExpression('has(vars.budget) && vars.budget > 10 && contact.?nickname.orValue("x") != "" && contact.tags.exists(t, t == "vip")');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.expression.references.map((r) => [r.root, r.path.join('.'), r.guarded])).toEqual([
      ['vars', 'budget', true],
      ['vars', 'budget', true],
      ['contact', 'nickname', true],
      ['contact', 'tags', false],
    ]);
    const late = parseExpression('vars.budget > 10 && has(vars.budget)');
    if (!late.ok) throw new Error(late.message);
    expect(late.expression.references.map((r) => r.guarded)).toEqual([false, true]);
  });

  it('reports a syntax error with its position', () => {
    const parsed = parseExpression('contact.orders >= ');
    expect(parsed).toMatchObject({ ok: false, offset: 15, end: 17 });
  });

  it('cannot reach JavaScript or Node globals', () => {
    for (const source of ['process.env', 'globalThis', 'require("fs")', 'contact.constructor']) {
      const parsed = parseExpression(source);
      const outcome = parsed.ok
        ? (() => {
            try {
              return parsed.expression.evaluate(scope);
            } catch (e) {
              return e;
            }
          })()
        : parsed;
      expect(outcome).not.toBe(process.env);
      expect(typeof outcome).not.toBe('function');
    }
    expect(() => run('process.env')).toThrow(/Unknown variable: process/);
    expect(() => run('contact.constructor')).toThrow(/No such key: constructor/);
  });
});

describe('message templates', () => {
  it('fills placeholders and keeps the text around them', () => {
    expect(render('Hi {{contact.first_name}}, you have {{contact.orders}} orders ({{contact.total}} €).')).toBe('Hi Ana, you have 3 orders (120.5 €).');
  });

  it('uses the fallback when a value is empty or missing', () => {
    expect(render('Hi {{contact.nickname | "friend"}}!')).toBe('Hi friend!');
    expect(render('Hi {{ vars.missing | there }}!')).toBe('Hi there!');
  });

  it('keeps || as "or" inside a placeholder', () => {
    expect(render('{{contact.orders > 5 || "vip" in contact.tags}}')).toBe('true');
  });

  it('renders nothing (and reports it) for a failing placeholder without fallback', () => {
    const errors: string[] = [];
    const t = parseTemplate('Total: {{vars.missing}}.');
    expect(renderTemplate(t.parts, scope, (m) => errors.push(m))).toBe('Total: .');
    expect(errors).toEqual(['No such key: missing']);
  });

  it('reports every broken placeholder with its position and keeps the rest', () => {
    const t = parseTemplate('A {{ 1 + }} B {{contact.first_name}} C {{');
    expect(t.errors.map((e) => [e.message.split(':')[0], e.offset])).toEqual([
      ['In {{ 1 + }}', 7],
      ['A placeholder opened with {{ is not closed with }}', 39],
    ]);
    expect(t.parts.filter((p) => p.kind === 'placeholder')).toHaveLength(1);
  });

  it('can encode values, e.g. for a JSON body', () => {
    const t = parseTemplate('{"name": "{{contact.first_name}}"}');
    expect(renderTemplate(t.parts, { ...scope, contact: { first_name: 'A "quoted" name' } }, undefined, (v) => JSON.stringify(v).slice(1, -1))).toBe(
      '{"name": "A \\"quoted\\" name"}',
    );
  });
});
