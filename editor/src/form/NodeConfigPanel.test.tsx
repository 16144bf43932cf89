import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { definitionOf, nodeTypes, parseNodeConfig, type NodeType } from '@tandem/nodes';
import { oneNodeFlow, renderWithStores } from '../../test/renderPanel';
import { NodeConfigPanel } from './NodeConfigPanel';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Defaults, except where they hold no setting to edit (an API trigger declares no fields by default). */
const editStart: Partial<Record<NodeType, Record<string, unknown>>> = {
  'trigger-api': { fields: [{ name: 'order_id', path: 'order.id', type: 'string', required: false }] },
};

function renderForm(type: NodeType, data: unknown = definitionOf(type).defaults) {
  const rendered = renderWithStores(oneNodeFlow(type, data), <NodeConfigPanel nodeId="n" />);
  const nodeData = () => rendered.flow.getState().doc.nodes[0]!.data;
  return { ...rendered, nodeData };
}

function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  return path.split('.').reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]), value);
}

/** Every leaf (scalar or empty container) that differs between two values, as dotted paths. */
function changedLeaves(a: unknown, b: unknown, path = ''): string[] {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => changedLeaves(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return Object.is(a, b) ? [] : [path];
}

function controls(container: HTMLElement): Control[] {
  return [...container.querySelectorAll<Control>('input[data-path], textarea[data-path], select[data-path]')];
}

function parsed(type: NodeType, data: unknown): unknown {
  const result = parseNodeConfig(definitionOf(type), data);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.config;
}

/** A different value for a control, as a user would enter it. */
function edit(control: Control): void {
  if (control instanceof HTMLSelectElement) {
    const options = [...control.options].map((o) => o.value).filter((v) => v !== '');
    const next = options[(options.indexOf(control.value) + 1) % options.length]!;
    fireEvent.change(control, { target: { value: next } });
  } else if (control.type === 'checkbox') {
    fireEvent.click(control);
  } else if (control.type === 'number') {
    fireEvent.change(control, { target: { value: String(Number(control.value || 0) + 1) } });
  } else {
    fireEvent.change(control, { target: { value: `${control.value}x` } });
  }
}

describe.each([...nodeTypes])('%s settings form', (type) => {
  it('renders from the schema, shows the defaults, and writes nothing by itself', () => {
    const def = definitionOf(type);
    const { container, flow, nodeData } = renderForm(type);
    expect(screen.getByRole('heading', { name: def.label })).toBeTruthy();
    const config = parsed(type, def.defaults);
    const shown = controls(container);
    expect(container.querySelectorAll('[data-path], [data-group]').length).toBeGreaterThan(0);
    for (const control of shown) {
      const path = control.dataset.path!;
      if (path.endsWith('.enabled')) {
        expect((control as HTMLInputElement).checked, path).toBe(valueAt(config, path.slice(0, -'.enabled'.length)) != null);
        continue;
      }
      const expected = valueAt(config, path);
      if (Array.isArray(expected)) continue; // tag inputs: the draft box, chips are checked elsewhere
      if (control instanceof HTMLInputElement && control.type === 'checkbox') expect(control.checked, path).toBe(expected === true);
      else if (control instanceof HTMLInputElement && control.type === 'number')
        expect(control.value === '' ? undefined : Number(control.value), path).toBe(expected);
      else expect(control.value, path).toBe(expected === undefined || expected === null ? '' : String(expected));
    }
    expect(nodeData()).toEqual(def.defaults);
    expect(flow.getState().past).toHaveLength(0);
  });

  it('editing one field changes exactly that setting', () => {
    const def = definitionOf(type);
    const start = editStart[type] ?? def.defaults;
    const { container, flow, nodeData } = renderForm(type, start);
    const before = parsed(type, start);
    const editable = () =>
      controls(container).filter(
        (c) => !c.dataset.path!.endsWith('.enabled') && !c.hasAttribute('data-discriminator') && !Array.isArray(valueAt(before, c.dataset.path!)),
      );
    const count = editable().length;
    let checked = false;
    // Edit fields in order until one edit gives valid settings (appending "x" to a cron pattern does not).
    for (let i = 0; i < count && !checked; i++) {
      const control = editable()[i]!;
      const path = control.dataset.path!;
      act(() => edit(control));
      const result = parseNodeConfig(def, nodeData());
      if (result.ok) {
        expect(changedLeaves(before, result.config), `editing ${path}`).toEqual([path]);
        // Settings the user did not touch keep their stored form.
        const top = path.split('.')[0]!;
        for (const [k, v] of Object.entries(start as Record<string, unknown>)) if (k !== top) expect(nodeData()[k]).toEqual(v);
        checked = true;
      } else {
        act(() => flow.getState().undo());
        expect(nodeData()).toEqual(start);
      }
    }
    expect(checked, 'some field could be edited to another valid value').toBe(true);
  });
});

describe('settings form widgets', () => {
  const buttons = {
    message: {
      kind: 'buttons',
      body: 'Pick one',
      buttons: [
        { id: 'a', title: 'Yes' },
        { id: 'b', title: 'No' },
      ],
    },
  };

  it('counts characters and items against Meta limits live', () => {
    const { container } = renderForm('send-message', buttons);
    const counter = (path: string) => container.querySelector(`[data-counter-for="${path}"]`)?.textContent;
    expect(counter('message.buttons')).toBe('2/3');
    expect(counter('message.buttons.0.title')).toBe('3/20');
    fireEvent.change(container.querySelector('[data-path="message.buttons.0.title"]')!, { target: { value: 'Yes, absolutely please' } });
    expect(counter('message.buttons.0.title')).toBe('22/20');
    expect(container.querySelector('[data-counter-for="message.buttons.0.title"]')!.className).toContain('tn-counter-over');
    expect(container.querySelector('[data-errors-for="message.buttons.0.title"]')?.textContent).toMatch(/at most 20 characters/);
  });

  it('adds, reorders and removes list items, stopping at the limit', () => {
    const { container, nodeData } = renderForm('send-message', buttons);
    const group = container.querySelector<HTMLElement>('[data-group="message.buttons"]')!;
    fireEvent.click(within(group).getByRole('button', { name: /Add button/ }));
    const list = () => (nodeData().message as { buttons: { id: string; title: string }[] }).buttons;
    expect(list().map((b) => b.id)).toEqual(['a', 'b', 'button_3']);
    expect((within(group).getByRole('button', { name: /Add button/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(group).getByRole('button', { name: 'Move button 1 down' }));
    expect(list().map((b) => b.id)).toEqual(['b', 'a', 'button_3']);
    fireEvent.click(within(group).getByRole('button', { name: 'Remove button 3' }));
    expect(list().map((b) => b.id)).toEqual(['b', 'a']);
  });

  it('keeps a list item on its own element while it is edited, moved, or items before it are removed', () => {
    // What a field holds besides the document (Monaco's text and undo, a number half-typed) stays with its item.
    const three = { message: { ...buttons.message, buttons: [...buttons.message.buttons, { id: 'c', title: 'Maybe' }] } };
    const { container } = renderForm('send-message', three);
    const group = container.querySelector<HTMLElement>('[data-group="message.buttons"]')!;
    const itemShowing = (title: string) =>
      [...group.querySelectorAll<HTMLElement>('.tn-list-item')].find(
        (item) => item.querySelector<HTMLInputElement>('input[data-path$=".title"]')?.value === title,
      );
    const no = itemShowing('No');
    fireEvent.change(no!.querySelector('[data-path="message.buttons.1.title"]')!, { target: { value: 'Nope' } });
    expect(itemShowing('Nope')).toBe(no);
    fireEvent.click(within(group).getByRole('button', { name: 'Remove button 1' }));
    expect(itemShowing('Nope')).toBe(no);
    expect(no!.dataset.item).toBe('message.buttons.0');
    fireEvent.click(within(group).getByRole('button', { name: 'Move button 1 down' }));
    expect(itemShowing('Nope')).toBe(no);
    expect(no!.dataset.item).toBe('message.buttons.1');
  });

  it('switches a discriminated union, keeping what still fits', () => {
    const { container, nodeData } = renderForm('send-message', { message: { kind: 'text', text: 'Hello' } });
    fireEvent.change(container.querySelector('[data-path="message.kind"]')!, { target: { value: 'buttons' } });
    expect(nodeData().message).toMatchObject({ kind: 'buttons', buttons: [] });
    expect(container.querySelector('[data-group="message.buttons"]')).toBeTruthy();
    expect(container.querySelector('[data-path="message.text"]')).toBeNull();
  });

  it('switching a question from email to buttons resets what no longer fits, and says so', () => {
    const { container, nodeData } = renderForm('bot-question');
    expect(nodeData()).toMatchObject({ answerType: 'email', saveTo: { scope: 'contact', name: 'email' } });
    fireEvent.change(container.querySelector('[data-path="prompt.kind"]')!, { target: { value: 'buttons' } });
    expect(nodeData()).toMatchObject({ prompt: { kind: 'buttons' }, answerType: 'choice', saveTo: null });
    const status = screen.getByRole('status', { name: 'Changed with it' });
    expect(status.textContent).toContain("Not saved to the contact's email: the answer is a choice.");
    // The form shows what is stored: no save target, and the expected answer is a choice.
    expect(container.querySelector<HTMLInputElement>('[data-path="saveTo.enabled"]')!.checked).toBe(false);
    expect(container.querySelector<HTMLSelectElement>('[data-path="answerType"]')?.value).toBe('choice');
    // An edit that changes nothing else clears the notice.
    fireEvent.change(container.querySelector('[data-path="maxRetries"]')!, { target: { value: '3' } });
    expect(screen.queryByRole('status', { name: 'Changed with it' })).toBeNull();
  });

  it('shows settings only when their showWhen condition holds', () => {
    const { container } = renderForm('trigger-message', { match: 'any' });
    expect(container.querySelector('[data-path="keywords"]')).toBeNull();
    expect(container.querySelector('[data-path="pattern"]')).toBeNull();
    fireEvent.change(container.querySelector('[data-path="match"]')!, { target: { value: 'regex' } });
    expect(container.querySelector('[data-path="pattern"]')).toBeTruthy();
    expect(container.querySelector('[data-path="keywords"]')).toBeNull();
  });

  it('switches a nullable setting off and on', () => {
    const { container, nodeData } = renderForm('bot-question');
    const toggle = container.querySelector<HTMLInputElement>('[data-path="timeout.enabled"]')!;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(nodeData().timeout).toBeNull();
    expect(container.querySelector('[data-path="timeout.amount"]')).toBeNull();
    fireEvent.click(container.querySelector('[data-path="timeout.enabled"]')!);
    expect(nodeData().timeout).toEqual({ amount: 1, unit: 'hours' });
  });

  it('edits tags', () => {
    const { container, nodeData } = renderForm('trigger-message');
    const input = container.querySelector<HTMLInputElement>('[data-path="keywords"]')!;
    fireEvent.change(input, { target: { value: 'menu' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(nodeData().keywords).toEqual(['hi', 'menu']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove hi' }));
    expect(nodeData().keywords).toEqual(['menu']);
  });

  it('shows a schema error under its field', () => {
    const { container } = renderForm('condition', { branches: [{ id: 'yes', label: 'VIP', expression: '' }] });
    expect(container.querySelector('[data-errors-for="branches.0.expression"]')?.textContent).toBe('Write the condition');
  });

  it('marks expression syntax errors in the code field', () => {
    const { container } = renderForm('condition', { branches: [{ id: 'yes', label: 'VIP', expression: 'contact.tags ==' }] });
    expect(container.querySelector('.tn-code-problems')?.textContent).toBeTruthy();
  });
});
