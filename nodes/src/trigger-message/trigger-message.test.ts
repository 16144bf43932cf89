import { describe, expect, it } from 'vitest';
import { triggerMessage } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

describe('trigger-message', () => {
  it('accepts its defaults', () => {
    expect(configOf(triggerMessage, triggerMessage.defaults)).toMatchObject({ match: 'keywords', keywords: ['hi'], keywordMode: 'exact' });
  });

  it('rejects a keyword trigger without keywords and a regex trigger without a pattern', () => {
    expect(issuesOf(triggerMessage, { match: 'keywords' })).toEqual(['keywords: Keywords: Add at least one keyword']);
    expect(issuesOf(triggerMessage, { match: 'regex' })).toEqual(['pattern: Regular expression: Write the pattern']);
  });

  it('only takes ad ids when the source is an ad, and ad ids are digits', () => {
    expect(issuesOf(triggerMessage, { match: 'any', adIds: ['120226305854810726'] })).toEqual(['adIds: Ad ids: Ad ids only apply when the source is an ad']);
    expect(issuesOf(triggerMessage, { match: 'any', source: 'ad', adIds: ['summer-sale'] })).toEqual(['adIds.0: Ad ids › #1: Ad ids are digits']);
  });

  it('has one required next port', () => {
    expect(triggerMessage.ports(configOf(triggerMessage, { match: 'any' }))).toEqual([{ id: 'next', label: 'Next', kind: 'next', required: true }]);
  });

  it('compiles to a state that keeps the trigger payload, marks the message read and moves on', () => {
    expect(compileWith(triggerMessage, { match: 'any' })).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.captureTrigger', params: { node: 'n1' } },
        { type: 'tandem.nodeEffect', params: { node: 'n1', effect: 'readReceipt' } },
      ],
      always: [{ target: 'next_target', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'next' } }] }],
    });
  });

  it('opens the 24-hour window and provides the message fields', () => {
    const config = configOf(triggerMessage, { match: 'any' });
    expect(triggerMessage.analysis.window(config, 'next')).toEqual({ kind: 'reset' });
    expect(triggerMessage.analysis.provides(config)[0]?.names).toContain('text');
    expect(portIds(triggerMessage, { match: 'any' })).toEqual(['next']);
  });
});

describe('trigger-message starters', () => {
  const starters = triggerMessage.starters!;

  it('offers its first three keywords, trimmed, as things to say', () => {
    expect(starters({ match: 'keywords', keywords: [' Book ', '', 'menu', 'hours', 'prices'] }, 'n1')).toEqual([
      { kind: 'say', text: 'Book' },
      { kind: 'say', text: 'menu' },
    ]);
  });

  it('offers nothing when it starts on any message or a pattern', () => {
    expect(starters({ match: 'any', keywords: ['hi'] }, 'n1')).toEqual([]);
    expect(starters({ match: 'regex', pattern: '^hi$' }, 'n1')).toEqual([]);
  });
});
