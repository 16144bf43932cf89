import { diagnostic, type Diagnostic } from '@tandem/shared';
import { locateJsonError } from './locateJsonError';

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string; diagnostic?: Diagnostic };

/** Reads a JSON file; a syntax error becomes an `invalid-json` diagnostic with line and column. */
export async function readJsonFile(path: string, read: (path: string, encoding: 'utf8') => Promise<string>): Promise<ReadResult> {
  let text: string;
  try {
    text = await read(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message:
        code === 'ENOENT'
          ? `no such file: ${path}`
          : code === 'EISDIR'
            ? `${path} is a folder, not a file`
            : `cannot read ${path} (${code ?? 'unknown error'})`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    if (text.trim() === '') return { ok: false, message, diagnostic: diagnostic('invalid-json', 'The file is empty.') };
    const found = locateJsonError(text) ?? { offset: 0, reason: message };
    const before = text.slice(0, found.offset).split('\n');
    const where = `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
    return { ok: false, message, diagnostic: diagnostic('invalid-json', `The file is not valid JSON at ${where}: ${found.reason}.`) };
  }
}
