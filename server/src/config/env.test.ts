import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('treats a variable set to the empty string as unset (DATABASE_URL= means the embedded Postgres)', () => {
    const env = readEnv({ DATABASE_URL: '', PORT: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('names every invalid variable and what is wrong with it', () => {
    expect(() => readEnv({ DATABASE_URL: 'not a url', PORT: '70000' })).toThrow(/DATABASE_URL: Invalid URL[\s\S]*PORT:/);
  });
});
