import { diagnostic, type Diagnostic } from '@tandem/shared';

export type ReadResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; diagnostic?: Diagnostic };

/** Reads a JSON file; a syntax error becomes an `invalid-json` diagnostic with line and column. */
export async function readJsonFile(path: string, read: (path: string, encoding: 'utf8') => Promise<string>): Promise<ReadResult> {
  let text: string;
  try {
    text = await read(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `no such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a file` : `cannot read ${path} (${code ?? 'unknown error'})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset).split('\n');
      where = ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
    } else if (text.trim() === '') {
      where = ': the file is empty';
    }
    const detail = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { ok: false, message, diagnostic: diagnostic('invalid-json', `The file is not valid JSON${where}${where.startsWith(':') ? '' : `: ${detail}`}.`) };
  }
}
