// Task scheduling for the annotator: how long one task may work, how to give
// the page its turn, and how to stop at the next turn once a scan is cancelled.

/** Longest stretch of work per task; the rest waits for the next one. */
export const TASK_BUDGET_MS = 12;
/**
 * The first task of the scan at load, in the page's DOMContentLoaded, may run
 * longer (still well under the 50 ms of a long task): a long page's first
 * layout comes next and takes the main thread for hundreds of milliseconds,
 * and whatever is scanned before it is not left waiting behind it.
 */
export const FIRST_TASK_BUDGET_MS = 40;

/** The parts of the Prioritized Task Scheduling API used here. */
interface Scheduler {
  postTask?: (
    task: () => void,
    options: { priority: 'user-blocking'; delay: number; signal: AbortSignal },
  ) => Promise<void>;
  yield?: () => Promise<void>;
}

const schedulerOf = () => (globalThis as { scheduler?: Scheduler }).scheduler;

/**
 * Lets the page run, then continues first. `scheduler.yield()` keeps our place at
 * the front of the queue; setTimeout(0) can wait behind a loading page's tasks
 * for a hundred milliseconds or more. A message to ourselves is the fallback.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = schedulerOf();
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Runs `task` after `delay` ms unless `signal` aborts first. While a page loads,
 * Chromium runs the parser's tasks ahead of timers and of ordinary tasks (a
 * timer may not fire before the page is parsed), so the task is posted as
 * user-blocking where the Prioritized Task Scheduling API exists.
 */
export function postUrgentTask(task: () => void, delay: number, signal: AbortSignal): void {
  const scheduler = schedulerOf();
  if (typeof scheduler?.postTask === 'function') {
    scheduler.postTask(task, { priority: 'user-blocking', delay, signal }).catch(() => {}); // aborted
    return;
  }
  const timer = setTimeout(task, delay);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/**
 * Resolves after the browser's next frame, when its styles are fresh and asking
 * for them is cheap. Background tabs get no frames: it waits 300 ms at most.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 300);
  });
}

/** Time worked across the tasks of one scan, for the benchmarks. */
export class WorkClock {
  readonly start = performance.now();
  private busyMs = 0;
  private longestTaskMs = 0;
  private tasks = 0;

  /** A stretch of work that began at `since` ends now. */
  worked(since: number): void {
    const ms = performance.now() - since;
    this.busyMs += ms;
    this.longestTaskMs = Math.max(this.longestTaskMs, ms);
    this.tasks++;
  }

  measure(name: string): void {
    const { busyMs, longestTaskMs, tasks } = this;
    performance.measure(name, { start: this.start, detail: { busyMs, longestTaskMs, tasks } });
  }
}

/**
 * Work in tasks of about TASK_BUDGET_MS: `if (slicer.due) await slicer.next()`
 * lets the page run once a task has run that long (checked without an await,
 * so a loop over thousands of items does not hop through microtasks). `next()`
 * throws the signal's reason once the scan is cancelled, so a cancelled scan
 * stops at its next turn without checks of its own.
 */
export class TaskSlicer {
  private readonly signal: AbortSignal;
  private readonly clock: WorkClock | undefined;
  private start: number;
  private budgetMs: number;

  /** With a `clock`, the first task starts when the clock did and every task is timed on it. */
  constructor(signal: AbortSignal, options: { clock?: WorkClock; firstBudgetMs?: number } = {}) {
    this.signal = signal;
    this.clock = options.clock;
    this.start = options.clock?.start ?? performance.now();
    this.budgetMs = options.firstBudgetMs ?? TASK_BUDGET_MS;
  }

  get due(): boolean {
    return performance.now() - this.start > this.budgetMs;
  }

  async next(): Promise<void> {
    this.clock?.worked(this.start);
    this.budgetMs = TASK_BUDGET_MS;
    await yieldToPage();
    this.signal.throwIfAborted();
    this.start = performance.now();
  }

  /** The last task ends. */
  end(): void {
    this.clock?.worked(this.start);
  }
}
