import { randomBytes } from 'node:crypto';

/**
 * A wamid shaped like Meta's: `wamid.` + base64 of a small binary record holding the recipient's
 * digits and an 18-character hex id. The id is random bytes followed by a counter, so ids never repeat
 * within a process.
 */
export function makeWamid(to: string): string {
  counter += 1;
  const digits = Buffer.from(to.replace(/\D/g, ''), 'latin1');
  const id = Buffer.from(
    Buffer.concat([randomBytes(5), uint32(counter)])
      .toString('hex')
      .toUpperCase(),
    'latin1',
  );
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    digits,
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, id.length]),
    id,
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

let counter = 0;

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
}
