import { describe, expect, it } from 'vitest';
import { findNodeNames } from '../scripts/checkNodeNames';

const names = ['wait', 'handoff', 'send-message'];
const scan = (text: string, fileName = 'engine/src/x.ts') => findNodeNames(text, fileName, names);

describe('findNodeNames', () => {
  it('flags a string literal equal to a node type, with its line and column', () => {
    const result = scan("const a = 1;\nif (node.type === 'wait') go();\n");
    expect(result.hits).toEqual([{ line: 2, column: 19, names: ['wait'], literal: "'wait'" }]);
    expect(result.problems).toEqual([]);
  });

  it('flags double-quoted strings, no-substitution templates, JSX attributes and string types', () => {
    expect(scan('const a = "handoff";').hits).toHaveLength(1);
    expect(scan('const a = `send-message`;').hits).toHaveLength(1);
    expect(scan('type T = { type: "wait" };').hits).toHaveLength(1);
    expect(scan('const v = <Icon type="wait" />;', 'editor/src/v.tsx').hits).toHaveLength(1);
  });

  it("flags a node type in single quotes inside a template, pointing at the name: type = 'handoff'", () => {
    const text = `await db.query(\`\n  SELECT id FROM runs\n  WHERE contact = \${id} AND type = 'handoff'\`);\n`;
    const { hits } = scan(text);
    expect(hits).toEqual([{ line: 3, column: 36, names: ['handoff'], literal: "} AND type = 'handoff'`" }]);
  });

  it('flags every piece of a template: head, middle and tail', () => {
    const text = `q(\`type = 'wait' \${a} OR type = 'handoff' \${b} OR type = 'send-message'\`);`;
    expect(scan(text).hits.map((h) => h.names)).toEqual([['wait'], ['handoff'], ['send-message']]);
  });

  it('ignores comments, identifiers, property names without quotes and names inside longer strings', () => {
    const text = [
      "// node.type === 'wait'",
      "/** The `handoff` node, see 'handoff'. */",
      "/* 'send-message' */",
      'const wait = handoff.wait;',
      'const o = { wait: 1, handoff: 2 };',
      "const s = 'waiting';",
      "const t = 'send-message-now';",
      'const u = "no handoff here";',
    ].join('\n');
    expect(scan(text)).toEqual({ hits: [], allowed: 0, problems: [] });
  });

  it('honours a node-name-ok marker with a reason on the same line or the line before', () => {
    const text = [
      "const a = 'wait'; // node-name-ok: a timer kind, not the node type",
      '// node-name-ok: the pause reason a handoff writes',
      "const b = 'handoff';",
      "const c = 'wait';",
    ].join('\n');
    const result = scan(text);
    expect(result.hits.map((h) => h.line)).toEqual([4]);
    expect(result.allowed).toBe(2);
    expect(result.problems).toEqual([]);
  });

  it('honours a marker on the line before a multi-line template', () => {
    const text = "// node-name-ok: SQL over the runs table\nq(`\n  SELECT 1\n  WHERE kind = 'handoff'\n`);";
    expect(scan(text)).toMatchObject({ hits: [], allowed: 1, problems: [] });
  });

  it('honours a block-comment marker in JSX', () => {
    const jsx = 'const v = (\n  <div>\n    {/* node-name-ok: an icon name */}\n    <Icon name="wait" />\n  </div>\n);';
    expect(scan(jsx, 'editor/src/v.tsx')).toMatchObject({ hits: [], allowed: 1, problems: [] });
  });

  it('reports a marker without a reason', () => {
    const result = scan("const a = 'wait'; // node-name-ok:");
    expect(result.problems).toEqual([{ line: 1, column: 19, message: expect.stringContaining('needs a reason') }]);
  });

  it('reports a marker that allows nothing', () => {
    const result = scan("// node-name-ok: left over\nconst a = 1;\nconst b = 'wait';");
    expect(result.hits).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 1, column: 1, message: expect.stringContaining('allows nothing') }]);
  });

  it('does not take a marker inside a string or JSX text for a comment', () => {
    const text = "const a = '// node-name-ok: no'; const b = 'wait';";
    expect(scan(text).hits).toHaveLength(1);
    const jsx = "const v = <p>// node-name-ok: no {'wait'}</p>;";
    const result = scan(jsx, 'editor/src/v.tsx');
    expect(result.hits).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });
});
