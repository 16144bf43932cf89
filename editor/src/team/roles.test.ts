import { describe, expect, it } from 'vitest';
import type { MemberView } from '@tandem/shared/api';
import { generatePassword, isLastAdmin } from './roles';

const member = (id: string, role: MemberView['role']): MemberView => ({ id, email: `${id}@x.test`, name: id, instanceAdmin: false, role });

describe('isLastAdmin', () => {
  it('is true only for the one admin of a workspace', () => {
    const team = [member('a', 'admin'), member('b', 'editor')];
    expect(isLastAdmin(team, 'a')).toBe(true);
    expect(isLastAdmin(team, 'b')).toBe(false);
    expect(isLastAdmin([...team, member('c', 'admin')], 'a')).toBe(false);
  });
});

describe('generatePassword', () => {
  it('makes 16 characters without look-alikes, long enough for the server', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(generatePassword()).not.toBe(password);
  });

  it('redraws bytes that would make some characters likelier than others', () => {
    // 255 is beyond the last multiple of the alphabet's 56 characters: each is redrawn, here as 0, 1, 2…
    let extra = 0;
    const password = generatePassword((b) => (b.length === 16 ? new Uint8Array(16).fill(255) : new Uint8Array([extra++])));
    expect(password).toBe('abcdefghijkmnpqr');
  });
});
