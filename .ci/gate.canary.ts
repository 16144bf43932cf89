import { expect, it } from 'vitest';

// .ci/run runs this file in every vitest project before the real run, and stops unless the run
// fails: proof that a failing test turns the test command red (see .ci/run).
it('fails on purpose, so that the gate is seen to close', () => {
  expect('the canary').toBe('a passing test');
});
