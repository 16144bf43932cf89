import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema } from '@tandem/nodes';
import { applyChanges, exampleNames, loadExample } from './fixtureKit';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(flowJsonSchema());

describe('exported JSON Schema of flow documents', () => {
  it.each(exampleNames())('accepts the %s example, as an external tool would see it', (name) => {
    expect(validate(loadExample(name)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a node whose settings break its type's schema (a 24-character button title)", () => {
    const broken = applyChanges(loadExample('ctwa-lead-qualification'), [
      { op: 'set', node: 'intent', path: 'data.prompt.buttons.2.title', value: 'I am only browsing today' },
    ]);
    expect(validate(broken)).toBe(false);
  });

  it('rejects an unknown node type', () => {
    const broken = applyChanges(loadExample('order-updates'), [{ op: 'set', node: 'delivered', path: 'type', value: 'send-sms' }]);
    expect(validate(broken)).toBe(false);
  });
});
