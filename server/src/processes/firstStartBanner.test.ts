import { describe, expect, it } from 'vitest';
import { firstStartBanner } from './firstStartBanner';

describe('firstStartBanner', () => {
  it('gives the first login on lines of its own, framed apart from the JSON log lines, and says where to change the password', () => {
    const lines = firstStartBanner('http://127.0.0.1:3000', 'admin@tandem.local', 'Xy7-secret').split('\n');
    expect(lines).toContain('  Open      http://127.0.0.1:3000');
    expect(lines).toContain('  E-mail    admin@tandem.local');
    expect(lines).toContain('  Password  Xy7-secret');
    expect(lines.filter((l) => /^=+$/.test(l))).toHaveLength(2);
    expect(lines.join(' ')).toContain('Change this password now: log in, click your e-mail at the top right, then "Change password".');
    expect(lines.every((l) => !l.startsWith('{'))).toBe(true);
  });
});
