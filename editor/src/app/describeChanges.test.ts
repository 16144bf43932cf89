import { describe, expect, it } from 'vitest';
import { flowDocumentSchema, type FlowDocument } from '@tandem/shared';
import cart from '../../../engine/examples/abandoned-cart.json';
import { describeChanges } from './describeChanges';

const before: FlowDocument = flowDocumentSchema.parse(cart);
function edited(change: (doc: FlowDocument) => void): FlowDocument {
  const doc = structuredClone(before);
  change(doc);
  return doc;
}
const node = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)!;

describe('describeChanges', () => {
  it('says nothing changed between equal documents', () => {
    expect(describeChanges(before, structuredClone(before))).toEqual([]);
  });

  it('says a wait changed with both durations in words', () => {
    const after = edited((d) => {
      node(d, 'wait_1h').data = { mode: 'duration', duration: { amount: 2, unit: 'hours' } };
    });
    expect(describeChanges(before, after)).toEqual(['“Wait 1 hour” · Wait for: 1 hour → 2 hours']);
  });

  it('names a switched shape by its choice names', () => {
    const after = edited((d) => {
      node(d, 'wait_1h').data = { mode: 'event', event: 'order.paid', timeout: { amount: 1, unit: 'days' } };
    });
    expect(describeChanges(before, after)).toEqual(['“Wait 1 hour” · Wait: For a while → For an event']);
  });

  it('names added and removed steps and their connections by their outputs', () => {
    const after = edited((d) => {
      d.nodes.push({
        id: 'ask_size',
        type: 'bot-question',
        version: 1,
        position: { x: 0, y: 600 },
        data: { prompt: { kind: 'text', text: 'Which size?' }, timeout: { amount: 1, unit: 'hours' } },
      }); // node-name-ok: a step added in the test
      d.edges = d.edges.filter((e) => !(e.source === 'reply' && e.sourceHandle === 'question'));
    });
    expect(describeChanges(before, after)).toEqual([
      'Added the step “Ask a question: Which size? (text)”',
      'Removed the connection from “Ask a question: Waits for a reply (choice)” (“I have a question”) to “Hand over to a person: Team sales”',
    ]);
  });

  it('says where a connection leads now', () => {
    const after = edited((d) => {
      const e = d.edges.find((x) => x.source === 'reply' && x.sourceHandle === 'timeout')!;
      e.target = 'to_sales';
    });
    expect(describeChanges(before, after)).toEqual([
      '“Ask a question: Waits for a reply (choice)” (“No reply”) now leads to “Hand over to a person: Team sales” instead of “End: no_reply”',
    ]);
  });

  it("names a renamed button by its old title and a flow setting by its choices' names", () => {
    const after = edited((d) => {
      const choices = node(d, 'reply').data.choices as { id: string; label: string }[];
      choices[0]!.label = 'Finish my order';
      d.settings.reentry = 'never';
    });
    expect(describeChanges(before, after)).toEqual([
      '“Ask a question: Waits for a reply (choice)” · Choices: renamed “Complete my order” → “Finish my order”',
      'Flow settings · A contact may enter: Again after finishing → Only once',
    ]);
  });

  it('names the days a wait was given by their names', () => {
    const timed = edited((d) => {
      node(d, 'wait_1h').data = { mode: 'until_time', time: '09:00', days: ['mon'] };
    });
    const after = structuredClone(timed);
    node(after, 'wait_1h').data = { mode: 'until_time', time: '09:00', days: ['mon', 'sat'] };
    expect(describeChanges(timed, after)).toEqual(['“Wait: Until 09:00 on mon” · On days: added Sat']);
  });

  it('counts steps moved on the canvas and notes', () => {
    const after = edited((d) => {
      node(d, 'wait_1h').position = { x: 10, y: 10 };
      d.notes.push({ id: 'n1', position: { x: 0, y: 0 }, text: 'Ask legal', color: 'yellow' });
    });
    expect(describeChanges(before, after)).toEqual(['Added a note', 'Moved a step on the canvas']);
  });
});
