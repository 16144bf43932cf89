export interface CsvRecord {
  /** Line of the file where the record starts (1 = the first line). */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records per RFC 4180: comma-separated fields, fields in double quotes may
 * hold commas, line breaks and doubled quotes (""); CRLF or LF line endings; a leading byte
 * order mark is dropped and blank lines are skipped. A quote left open is reported, not guessed.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const records: CsvRecord[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quotedAt = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quotedAt = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return { records, error: { line: quotedAt, message: 'A quoted field is never closed' } };
  endRecord();
  return { records };
}
