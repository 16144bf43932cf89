/** A WhatsApp Flow as Meta lists it, with its Flow JSON. */
export interface ExampleWaFlow {
  id: string;
  name: string;
  status: string;
  categories: string[];
  flowJson: Record<string, unknown>;
}

const footer = (label: string, action: Record<string, unknown>) => ({ type: 'Footer', label, 'on-click-action': action });
/** A Flow JSON dynamic reference, `${form.email}` or `${data.date}`. */
const ref = (path: string) => `\${${path}}`;

/** The WhatsApp Flows every sandbox workspace starts with: a lead form and an appointment booking. */
export const demoWaFlows: ExampleWaFlow[] = [
  {
    id: '2814653498770231',
    name: 'lead_signup',
    status: 'PUBLISHED',
    categories: ['LEAD_GENERATION'],
    flowJson: {
      version: '6.0',
      screens: [
        {
          id: 'LEAD_FORM',
          title: 'Stay in touch',
          terminal: true,
          success: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextHeading', text: 'Tell us about you' },
              { type: 'TextInput', name: 'full_name', label: 'Your name', 'input-type': 'text', required: true },
              { type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email', required: true },
              {
                type: 'Dropdown',
                name: 'interest',
                label: 'What are you interested in?',
                required: true,
                'data-source': [
                  { id: 'indoor_plants', title: 'Indoor plants' },
                  { id: 'garden_tools', title: 'Garden tools' },
                  { id: 'workshops', title: 'Workshops' },
                ],
              },
              { type: 'OptIn', name: 'marketing_opt_in', label: 'Send me offers on WhatsApp' },
              footer('Sign up', {
                name: 'complete',
                payload: {
                  name: ref('form.full_name'),
                  email: ref('form.email'),
                  interest: ref('form.interest'),
                  marketing_opt_in: ref('form.marketing_opt_in'),
                },
              }),
            ],
          },
        },
      ],
    },
  },
  {
    id: '1052938476610384',
    name: 'appointment_booking',
    status: 'PUBLISHED',
    categories: ['APPOINTMENT_BOOKING'],
    flowJson: {
      version: '6.0',
      routing_model: { PICK_SLOT: ['NOTES'], NOTES: [] },
      screens: [
        {
          id: 'PICK_SLOT',
          title: 'Book a visit',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'DatePicker', name: 'date', label: 'Day', required: true },
              {
                type: 'RadioButtonsGroup',
                name: 'slot',
                label: 'Time',
                required: true,
                'data-source': [
                  { id: '09:00', title: '9:00 – 10:00' },
                  { id: '11:00', title: '11:00 – 12:00' },
                  { id: '14:00', title: '14:00 – 15:00' },
                  { id: '16:30', title: '16:30 – 17:30' },
                ],
              },
              footer('Continue', { name: 'navigate', next: { type: 'screen', name: 'NOTES' }, payload: { date: ref('form.date'), slot: ref('form.slot') } }),
            ],
          },
        },
        {
          id: 'NOTES',
          title: 'Anything else?',
          terminal: true,
          success: true,
          data: { date: { type: 'string', __example__: '2026-05-04' }, slot: { type: 'string', __example__: '09:00' } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextArea', name: 'notes', label: 'Notes for us' },
              footer('Book', { name: 'complete', payload: { date: ref('data.date'), slot: ref('data.slot'), notes: ref('form.notes') } }),
            ],
          },
        },
      ],
    },
  },
];
