// When to check a subscribed pack again. Pure: the caller passes the clock and
// the random source, so tests can pin both.
//
// - After a success: every 24 hours, or the pack's `expires` hint (hours),
//   never more often than every hour and never less often than every 14 days
//   (as ad-block filter lists do).
// - After failures: exponential backoff, 5 min × 2^(failures − 1), capped at 24 h,
//   with ±20 % jitter: the delay is spread uniformly over [0.8 d, 1.2 d] (then
//   the cap is applied again, so a failing pack is still retried at least once a
//   day). Neither "full" jitter (uniform over [0, d]) nor "equal" jitter
//   (d/2 + uniform over [0, d/2]): a bounded ±20 % keeps the backoff visibly
//   growing while still keeping many browsers that failed together (a server
//   outage) from coming back at the same second.
// - After the browser starts, checks are spread out (startupDelay) so a dozen
//   subscriptions do not all hit the network while the browser is starting up.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DEFAULT_INTERVAL = DAY;
export const MIN_INTERVAL = HOUR;
export const MAX_INTERVAL = 14 * DAY;
export const BACKOFF_BASE = 5 * MINUTE;
export const BACKOFF_CAP = DAY;
export const JITTER = 0.2;

export const STARTUP_FIRST = 30_000;
export const STARTUP_STEP = 20_000;
export const STARTUP_JITTER = 10_000;

export interface ScheduleInput {
  /** The pack's `expires` hint, in hours. */
  expiresHours?: number;
  /** When the last check succeeded (ms since the epoch), a 304 included. */
  lastSuccess?: number;
  /** Failed checks in a row since then. */
  failures: number;
}

/** How long to wait between successful checks. */
export function checkInterval(expiresHours?: number): number {
  if (expiresHours === undefined || !Number.isFinite(expiresHours) || expiresHours <= 0)
    return DEFAULT_INTERVAL;
  return Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, expiresHours * HOUR));
}

/** The backoff after `failures` failures in a row, before jitter (0 when none). */
export function backoff(failures: number): number {
  if (!(failures >= 1)) return 0;
  // 2^(f−1) overflows to Infinity for huge f; the cap takes care of it.
  return Math.min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (Math.floor(failures) - 1));
}

/** `random()` in [0, 1) → a factor in [1 − JITTER, 1 + JITTER). */
function jitterFactor(random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return 1 - JITTER + 2 * JITTER * r;
}

/** When (ms since the epoch) to check the pack next, `now` being the time of the last attempt. */
export function nextCheck(now: number, pack: ScheduleInput, random: () => number): number {
  if (pack.failures >= 1) {
    const delay = Math.min(BACKOFF_CAP, backoff(pack.failures) * jitterFactor(random));
    return now + Math.round(delay);
  }
  // A last success "in the future" (the clock was turned back) counts as now.
  const from = Math.min(pack.lastSuccess ?? now, now);
  const due = from + checkInterval(pack.expiresHours);
  // Overdue (the browser was closed): check now; startupDelay spreads those out.
  return Math.max(due, now);
}

/** How long after the browser starts to check the `index`-th subscription (ms). */
export function startupDelay(index: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return STARTUP_FIRST + Math.max(0, index) * STARTUP_STEP + Math.round(r * STARTUP_JITTER);
}

/** Whether to try a check now: not while the browser is offline (wait for it to come back). */
export function shouldRetryNow(online: boolean): boolean {
  return online;
}
