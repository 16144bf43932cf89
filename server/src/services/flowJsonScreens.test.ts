import { describe, expect, it } from 'vitest';
import { demoWaFlows } from './demo/demoWaFlows';
import { flowJsonScreens } from './flowJsonScreens';

const layout = (...children: unknown[]) => ({ type: 'SingleColumnLayout', children });
const ref = (path: string) => `\${${path}}`;

describe('flowJsonScreens', () => {
  it('turns every input of an endpoint Flow into a field of its own name and kind', () => {
    const screens = flowJsonScreens({
      version: '6.0',
      data_api_version: '3.0',
      screens: [
        {
          id: 'DETAILS',
          title: 'Your details',
          layout: layout(
            { type: 'TextHeading', text: 'About you' },
            { type: 'TextInput', name: 'age', label: 'Age', 'input-type': 'number' },
            { type: 'TextInput', name: 'mobile', label: 'Phone', 'input-type': 'phone', required: true },
            { type: 'TextInput', name: 'pin', label: 'PIN', 'input-type': 'passcode' },
            { type: 'TextArea', name: 'about', label: 'Anything else' },
            { type: 'CheckboxGroup', name: 'topics', label: 'Topics', 'data-source': [{ id: 'a', title: 'Plants' }, { id: 'b' }] },
            { type: 'Footer', label: 'Next', 'on-click-action': { name: 'data_exchange', payload: { age: ref('form.age') } } },
          ),
        },
      ],
    });
    expect(screens).toEqual([
      {
        id: 'DETAILS',
        title: 'Your details',
        fields: [
          { name: 'age', label: 'Age', type: 'number', required: false, options: [] },
          { name: 'mobile', label: 'Phone', type: 'phone', required: true, options: [] },
          { name: 'pin', label: 'PIN', type: 'text', required: false, options: [] },
          { name: 'about', label: 'Anything else', type: 'text', required: false, options: [] },
          {
            name: 'topics',
            label: 'Topics',
            type: 'multi_choice',
            required: false,
            options: [
              { id: 'a', title: 'Plants' },
              { id: 'b', title: 'b' },
            ],
          },
        ],
      },
    ]);
  });

  it("names fields by the keys the reply will have: the complete payload's, through what navigates hand on", () => {
    const booking = demoWaFlows.find((f) => f.name === 'appointment_booking')!;
    const screens = flowJsonScreens(booking.flowJson);
    expect(screens.map((s) => ({ id: s.id, fields: s.fields.map((f) => `${f.name}:${f.type}`) }))).toEqual([
      { id: 'PICK_SLOT', fields: ['date:date', 'slot:choice'] },
      { id: 'NOTES', fields: ['notes:text'] },
    ]);
    const lead = flowJsonScreens(demoWaFlows.find((f) => f.name === 'lead_signup')!.flowJson);
    expect(lead[0]!.fields.map((f) => f.name)).toEqual(['name', 'email', 'interest', 'marketing_opt_in']);
  });

  it("leaves out inputs the complete payload does not send, and finds inputs inside If and Switch, with choices from the screen's example data", () => {
    const screens = flowJsonScreens({
      version: '6.0',
      screens: [
        {
          id: 'SURVEY',
          terminal: true,
          data: {
            ratings: {
              type: 'array',
              __example__: [
                { id: '5', title: 'Great' },
                { id: '1', title: 'Poor' },
              ],
            },
          },
          layout: layout({
            type: 'Form',
            name: 'form',
            children: [
              {
                type: 'If',
                condition: ref('data.ask'),
                // biome-ignore lint/suspicious/noThenProperty: Flow JSON's If component names its branch `then`.
                then: [{ type: 'RadioButtonsGroup', name: 'rating', label: 'Rating', 'data-source': ref('data.ratings') }],
              },
              { type: 'Switch', value: ref('data.kind'), cases: { shop: [{ type: 'OptIn', name: 'consent', label: 'Keep me posted', required: true }] } },
              { type: 'TextInput', name: 'scratch', label: 'Not sent' },
              {
                type: 'Footer',
                label: 'Send',
                'on-click-action': { name: 'complete', payload: { score: ref('form.rating'), ok: ref('form.consent'), source: 'survey' } },
              },
            ],
          }),
        },
      ],
    });
    expect(screens[0]!.fields).toEqual([
      {
        name: 'score',
        label: 'Rating',
        type: 'choice',
        required: false,
        options: [
          { id: '5', title: 'Great' },
          { id: '1', title: 'Poor' },
        ],
      },
      { name: 'ok', label: 'Keep me posted', type: 'boolean', required: true, options: [] },
    ]);
  });

  it('gives no screens for something that is not a Flow JSON', () => {
    expect(flowJsonScreens('not json')).toEqual([]);
    expect(flowJsonScreens({ screens: [{ title: 'no id' }, 3] })).toEqual([]);
  });
});
