import { valueAtPath } from '../src/common/valuePath';
import type { RuntimeCaps, Scope } from '../src/defineRuntime';

export interface FakeCapsOptions {
  /** Evaluates the expressions a test uses; by default any expression fails. */
  evaluate?: (expression: string, scope: Scope) => unknown;
  /** Replaces the template filling, e.g. to fail for a node that renders no text. */
  render?: (template: string, scope: Scope, encode?: (value: string) => string) => string;
}

/** Fills `{{ path }}` or `{{ path | "fallback" }}` from the scope, encoding only the filled-in value like the engine does. */
function fakeRender(template: string, scope: Scope, encode: (value: string) => string = (t) => t): string {
  return template.replace(/\{\{\s*([\w.]+)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g, (_, path: string, fallback?: string) => {
    const value = String(valueAtPath(scope, path) ?? '');
    return encode(value === '' && fallback !== undefined ? fallback : value);
  });
}

/** Runtime capabilities for tests: templates as {@link fakeRender}; expressions fail unless `evaluate` is given, like an engine error. */
export function fakeCaps(options: FakeCapsOptions = {}): RuntimeCaps {
  return {
    evaluate:
      options.evaluate ??
      ((expression) => {
        throw new Error(`no expression expected here: ${expression}`);
      }),
    render: options.render ?? fakeRender,
  };
}
