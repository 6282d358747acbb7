// What a failed fetchPack must say: its message and whether it is worth retrying.
import { expect } from 'vitest';
import type { FetchOutcome } from '../../utils/sync/fetch-pack';

export function expectError(outcome: FetchOutcome, message: RegExp | string, retryable: boolean) {
  expect(outcome.kind).toBe('error');
  if (outcome.kind !== 'error') return;
  if (typeof message === 'string') expect(outcome.message).toBe(message);
  else expect(outcome.message).toMatch(message);
  expect(outcome.retryable).toBe(retryable);
}
