import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prng as seeded } from '../../scripts/lib/prng.mjs';
import {
  BACKOFF_BASE,
  BACKOFF_CAP,
  backoff,
  checkInterval,
  DAY,
  HOUR,
  JITTER,
  MINUTE,
  nextCheck,
  STARTUP_FIRST,
  STARTUP_JITTER,
  STARTUP_STEP,
  shouldRetryNow,
  startupDelay,
} from '../../utils/sync/schedule';

const NOW = Date.UTC(2026, 10, 1, 12);
const mid = () => 0.5; // no jitter: the factor is exactly 1

describe('nextCheck after a success', () => {
  it('checks every 24 hours by default', () => {
    expect(nextCheck(NOW, { failures: 0 }, mid)).toBe(NOW + DAY);
    expect(nextCheck(NOW, { failures: 0, lastSuccess: NOW - 2 * HOUR }, mid)).toBe(NOW + 22 * HOUR);
  });

  it("follows the pack's expires hint, but never more often than hourly nor less than fortnightly", () => {
    expect(nextCheck(NOW, { failures: 0, expiresHours: 6 }, mid)).toBe(NOW + 6 * HOUR);
    expect(nextCheck(NOW, { failures: 0, expiresHours: 0.1 }, mid)).toBe(NOW + HOUR);
    expect(nextCheck(NOW, { failures: 0, expiresHours: 1000 }, mid)).toBe(NOW + 14 * DAY);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkInterval(bad)).toBe(DAY);
    }
  });

  it('never schedules a successful pack sooner than an hour after its last success', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.option(fc.double({ min: -10, max: 1000, noNaN: true }), { nil: undefined }),
        (ago, expiresHours) => {
          const lastSuccess = NOW - ago;
          const next = nextCheck(NOW, { failures: 0, lastSuccess, expiresHours }, Math.random);
          expect(next - lastSuccess).toBeGreaterThanOrEqual(HOUR);
          expect(next).toBeGreaterThanOrEqual(NOW);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('checks an overdue pack now, and treats a last success in the future as now', () => {
    expect(nextCheck(NOW, { failures: 0, lastSuccess: NOW - 3 * DAY }, mid)).toBe(NOW);
    expect(nextCheck(NOW, { failures: 0, lastSuccess: NOW + 5 * DAY }, mid)).toBe(NOW + DAY);
  });
});

describe('nextCheck after failures', () => {
  it('backs off exponentially from 5 minutes up to a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(backoff)).toEqual(
      [5, 10, 20, 40, 80, 160, 320, 640, 1280].map((m) => m * MINUTE),
    );
    expect(backoff(10)).toBe(DAY); // 2560 min capped
    expect(backoff(1e6)).toBe(DAY);
    expect(backoff(0)).toBe(0);
    expect(nextCheck(NOW, { failures: 1 }, mid)).toBe(NOW + 5 * MINUTE);
    expect(nextCheck(NOW, { failures: 3 }, mid)).toBe(NOW + 20 * MINUTE);
    expect(nextCheck(NOW, { failures: 50 }, mid)).toBe(NOW + DAY);
  });

  it('grows monotonically with failures for a given random draw', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9999999, noNaN: true }), (r) => {
        let previous = 0;
        for (let f = 1; f <= 40; f++) {
          const delay = nextCheck(NOW, { failures: f }, () => r) - NOW;
          expect(delay).toBeGreaterThanOrEqual(previous);
          previous = delay;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('jitters within ±20% and never past the 24-hour cap (seeded random)', () => {
    const random = seeded(42);
    for (let f = 1; f <= 20; f++) {
      const base = Math.min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (f - 1));
      const delays = Array.from(
        { length: 500 },
        () => nextCheck(NOW, { failures: f }, random) - NOW,
      );
      for (const d of delays) {
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * (1 - JITTER)));
        expect(d).toBeLessThanOrEqual(Math.min(BACKOFF_CAP, Math.ceil(base * (1 + JITTER))));
      }
      // The jitter really spreads: draws differ, and below the cap they reach both sides.
      expect(new Set(delays).size).toBeGreaterThan(100);
      if (base * (1 + JITTER) < BACKOFF_CAP) {
        expect(Math.min(...delays)).toBeLessThan(base * 0.85);
        expect(Math.max(...delays)).toBeGreaterThan(base * 1.15);
      }
    }
  });

  it('stays within bounds even for a random source at its edges', () => {
    for (const r of [0, 0.9999999999, 1, -1, 2]) {
      const d = nextCheck(NOW, { failures: 2 }, () => r) - NOW;
      expect(d).toBeGreaterThanOrEqual(8 * MINUTE);
      expect(d).toBeLessThanOrEqual(12 * MINUTE);
    }
  });
});

describe('startupDelay and shouldRetryNow', () => {
  it('spreads checks after the browser starts', () => {
    expect(startupDelay(0, () => 0)).toBe(STARTUP_FIRST);
    expect(startupDelay(3, () => 0)).toBe(STARTUP_FIRST + 3 * STARTUP_STEP);
    const random = seeded(7);
    for (let i = 0; i < 20; i++) {
      const d = startupDelay(i, random);
      expect(d).toBeGreaterThanOrEqual(STARTUP_FIRST + i * STARTUP_STEP);
      expect(d).toBeLessThanOrEqual(STARTUP_FIRST + i * STARTUP_STEP + STARTUP_JITTER);
      // The jitter never reorders subscriptions.
      expect(d).toBeLessThan(startupDelay(i + 1, () => 0));
    }
  });

  it('retries only when online', () => {
    expect(shouldRetryNow(true)).toBe(true);
    expect(shouldRetryNow(false)).toBe(false);
  });
});
