import { describe, expect, it } from 'vitest';
import { passwordProblems, ruleChecks } from './passwordRules';

describe('passwordProblems', () => {
  it('accepts a new password of 10 characters or more, typed twice, unlike the current one', () => {
    expect(passwordProblems({ current: 'old-password', next: 'new-passwd', again: 'new-passwd' })).toEqual({});
  });

  it('says how short a new password is', () => {
    expect(passwordProblems({ current: 'old-password', next: 'short', again: 'short' })).toEqual({ next: 'Too short: 5 of at least 10 characters' });
  });

  it('refuses the current password as the new one, and two different new ones', () => {
    expect(passwordProblems({ current: 'same-password', next: 'same-password', again: 'same-passwore' })).toEqual({
      next: 'This is your current password: choose another one',
      again: 'The two new passwords differ',
    });
  });

  it('asks for each empty field', () => {
    expect(passwordProblems({ current: '', next: '', again: '' })).toEqual({
      current: 'Type your current password',
      next: 'Type a new password',
    });
  });
});

describe('ruleChecks', () => {
  it('ticks each rule the typed passwords meet', () => {
    expect(ruleChecks({ current: 'old-password', next: 'new-password', again: 'new-passwor' }).map((r) => `${r.met ? '✓' : '·'} ${r.text}`)).toEqual([
      '✓ At least 10 characters',
      '✓ Not the same as your current password',
      '· Typed the same way twice',
    ]);
  });
});
