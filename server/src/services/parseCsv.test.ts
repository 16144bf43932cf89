import { describe, expect, it } from 'vitest';
import { parseCsv } from './parseCsv';

describe('parseCsv', () => {
  it('splits records and fields, with the line each record starts on', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 4, fields: ['3', '4'] },
      ],
    });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF endings', () => {
    const { records } = parseCsv('name,note\r\n"Lopez, Ana","say ""hi""\r\ntwice"\r\nBen,\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Lopez, Ana', 'say "hi"\r\ntwice'] },
      { line: 4, fields: ['Ben', ''] },
    ]);
  });

  it('drops a byte order mark and keeps empty trailing fields', () => {
    expect(parseCsv('\uFEFFwa_id,tags\n49151,').records).toEqual([
      { line: 1, fields: ['wa_id', 'tags'] },
      { line: 2, fields: ['49151', ''] },
    ]);
  });

  it('reports a quote that is never closed at the line it opened', () => {
    expect(parseCsv('a\n"open\nstill open').error).toEqual({ line: 2, message: 'A quoted field is never closed' });
  });
});
