import { waFlowFieldSchema, type WaFlowField, type WaFlowInfo } from '@tandem/shared';

type Node = Record<string, unknown>;
type Input = { screen: string; component: Node };

/**
 * The screens of a Flow JSON (Flow facts §4) with the fields a person fills in. A field is named
 * by the key its value has in the reply's `response_json`: when the Flow completes with a payload,
 * the payload's keys that carry an input (`${form.x}`, `${screen.S.form.x}`, or `${data.y}` handed
 * on by a navigate), in payload order; for an endpoint Flow (no complete payload) every input under
 * its own name. Unknown shapes give no fields rather than an error: the Flow can still be sent.
 */
export function flowJsonScreens(flowJson: unknown): WaFlowInfo['screens'] {
  const screens = (isNode(flowJson) && Array.isArray(flowJson.screens) ? flowJson.screens : []).filter((s): s is Node => isNode(s) && typeof s.id === 'string');
  const inputs = new Map<string, Input>();
  const actions: { screen: string; action: Node }[] = [];
  for (const screen of screens) {
    const id = String(screen.id);
    for (const component of walk(isNode(screen.layout) ? screen.layout.children : [])) {
      if (typeof component.name === 'string' && fieldType(component) !== undefined) inputs.set(`${id}/${component.name}`, { screen: id, component });
      for (const value of Object.values(component)) if (isNode(value) && typeof value.name === 'string') actions.push({ screen: id, action: value });
    }
  }
  const handedOn = dataOrigins(actions, inputs);
  const resolve = (screen: string, value: unknown) => {
    const ref = typeof value === 'string' ? /^\$\{(?:screen\.(\w+)\.)?(form|data)\.([\w-]+)\}$/.exec(value) : null;
    if (!ref) return undefined;
    const on = ref[1] ?? screen;
    return ref[2] === 'form' ? inputs.get(`${on}/${ref[3]}`) : handedOn.get(`${on}/${ref[3]}`);
  };
  const completes = actions.filter((a) => a.action.name === 'complete' && isNode(a.action.payload));
  const named: { name: string; input: Input }[] = completes.length
    ? completes.flatMap(({ screen, action }) =>
        Object.entries(action.payload as Node).flatMap(([name, value]) => {
          const input = resolve(screen, value);
          return input ? [{ name, input }] : [];
        }),
      )
    : [...inputs.values()].map((input) => ({ name: String(input.component.name), input }));
  const seen = new Set<string>();
  return screens.map((screen) => ({
    id: String(screen.id),
    title: typeof screen.title === 'string' ? screen.title : '',
    fields: named
      .filter(({ name, input }) => input.screen === screen.id && !seen.has(name) && seen.add(name))
      .map(({ name, input }) => field(name, input.component, screen)),
  }));
}

/** What a navigate hands to the next screen's `data`: key on that screen → the input it came from. */
function dataOrigins(actions: { screen: string; action: Node }[], inputs: Map<string, Input>): Map<string, Input> {
  const origins = new Map<string, Input>();
  const navigates = actions.filter((a) => a.action.name === 'navigate' && isNode(a.action.next) && isNode(a.action.payload));
  // A value can pass through several screens; each round follows it one screen further.
  for (let round = 0; round <= navigates.length; round++) {
    for (const { screen, action } of navigates) {
      const to = String((action.next as Node).name);
      for (const [key, value] of Object.entries(action.payload as Node)) {
        const ref = typeof value === 'string' ? /^\$\{(form|data)\.([\w-]+)\}$/.exec(value) : null;
        const input = ref && (ref[1] === 'form' ? inputs.get(`${screen}/${ref[2]}`) : origins.get(`${screen}/${ref[2]}`));
        if (input) origins.set(`${to}/${key}`, input);
      }
    }
  }
  return origins;
}

function field(name: string, c: Node, screen: Node): WaFlowField {
  return waFlowFieldSchema.parse({
    name,
    label: typeof c.label === 'string' ? c.label : '',
    type: fieldType(c),
    required: c.required === true,
    options: options(c['data-source'], screen),
  });
}

function fieldType(c: Node): WaFlowField['type'] | undefined {
  switch (c.type) {
    case 'TextInput':
      return textInputTypes[String(c['input-type'] ?? 'text')] ?? 'text';
    case 'TextArea':
      return 'text';
    case 'DatePicker':
    case 'CalendarPicker':
      return 'date';
    case 'Dropdown':
    case 'RadioButtonsGroup':
      return 'choice';
    case 'CheckboxGroup':
    case 'ChipsSelector':
      return 'multi_choice';
    case 'OptIn':
      return 'boolean';
    default:
      return undefined;
  }
}

const textInputTypes: Record<string, WaFlowField['type']> = {
  text: 'text',
  number: 'number',
  email: 'email',
  phone: 'phone',
  password: 'text',
  passcode: 'text',
};

/** A `data-source` list, or the `__example__` of the screen data it refers to (`${data.slots}`). */
function options(source: unknown, screen: Node): WaFlowField['options'] {
  const ref = typeof source === 'string' ? /^\$\{data\.([\w-]+)\}$/.exec(source)?.[1] : undefined;
  const declared = ref !== undefined && isNode(screen.data) ? screen.data[ref] : undefined;
  const list = ref === undefined ? source : isNode(declared) ? declared.__example__ : undefined;
  return (Array.isArray(list) ? list : []).flatMap((o) =>
    isNode(o) && typeof o.id === 'string' ? [{ id: o.id, title: typeof o.title === 'string' ? o.title : o.id }] : [],
  );
}

/** Every component under a layout, looking into Form, If (then/else) and Switch (cases). */
function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (!isNode(node)) return;
  if (typeof node.type === 'string') yield node;
  for (const key of ['children', 'then', 'else']) yield* walk(node[key]);
  if (isNode(node.cases)) for (const branch of Object.values(node.cases)) yield* walk(branch);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
