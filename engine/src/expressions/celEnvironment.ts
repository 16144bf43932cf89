import { Environment } from '@marcbachmann/cel-js';

/** Names an expression may start from. `answer` exists only inside a question's validation, `payload` only in a goal's value (the event's payload). */
export const expressionRoots = ['contact', 'vars', 'trigger', 'now', 'answer', 'payload'] as const;
export type ExpressionRoot = (typeof expressionRoots)[number];

const arithmetic = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
} as const;

/**
 * The one CEL environment Tandem evaluates in: no I/O, no globals, no loops beyond CEL's
 * bounded macros. Mixed int/double arithmetic is allowed because attribute values arrive as
 * JSON numbers and marketers write `contact.orders + 1`.
 */
function createEnvironment(): Environment {
  const env = new Environment({
    unlistedVariablesAreDyn: false,
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 2_000, maxDepth: 50, maxListElements: 200, maxMapEntries: 200, maxCallArguments: 16 },
  })
    .registerVariable('contact', 'map')
    .registerVariable('vars', 'map')
    .registerVariable('trigger', 'map')
    .registerVariable('now', 'google.protobuf.Timestamp')
    .registerVariable('answer', 'dyn')
    .registerVariable('payload', 'map')
    .registerFunction('default(dyn, dyn): dyn', (value: unknown, fallback: unknown) =>
      value === null || value === undefined || value === '' ? fallback : value,
    )
    .registerFunction('lower(string): string', (s: string) => s.toLowerCase())
    .registerFunction('upper(string): string', (s: string) => s.toUpperCase());
  for (const [op, fn] of Object.entries(arithmetic)) {
    env.registerOperator(`double ${op} int`, (a: number, b: bigint) => fn(a, Number(b)));
    env.registerOperator(`int ${op} double`, (a: bigint, b: number) => fn(Number(a), b));
  }
  return env;
}

export const celEnvironment = createEnvironment();
