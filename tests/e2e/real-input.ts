// Real keyboard and mouse input for end-to-end tests: X events sent with
// xdotool to a headful Chromium on a virtual display (Xvfb). Unlike
// Playwright's input, which goes through DevTools into the page, these go
// through the browser's own handling, so extension shortcuts and context menus
// see them as a reader's would.
import { execFileSync } from 'node:child_process';

/** What RealInput needs of a page: Playwright's and puppeteer's pages both fit. */
export interface PageLike {
  bringToFront(): Promise<void>;
  title(): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: both libraries' evaluate signatures
  evaluate: (...args: any[]) => Promise<any>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why real input cannot run here, or null when it can. */
export function realInputProblem(): string | null {
  if (!process.env.DISPLAY)
    return 'no X display: npm test starts Xvfb for the real-input tests (apt-get install -y xvfb xdotool)';
  try {
    execFileSync('xdotool', ['version'], { stdio: 'ignore' });
  } catch {
    return 'xdotool is missing: apt-get install -y xdotool';
  }
  return null;
}

const xdo = (...args: string[]) =>
  execFileSync('xdotool', args, { encoding: 'utf8', timeout: 10_000 }).trim();

let titles = 0;

export class RealInput {
  private constructor(
    private readonly window: string,
    /** Screen position of the viewport's top-left corner. */
    private readonly origin: { x: number; y: number },
  ) {}

  /** Focuses the page's browser window and finds where its viewport is on screen. */
  static async attach(page: PageLike): Promise<RealInput> {
    await page.bringToFront();
    const token = `real-input-${process.pid}-${++titles}`;
    const title = await page.title();
    await page.evaluate((t: string) => {
      document.title = t;
    }, token);
    const window = xdo('search', '--sync', '--onlyvisible', '--name', token).split('\n')[0]!;
    await page.evaluate((t: string) => {
      document.title = t;
    }, title);
    xdo('windowfocus', '--sync', window);
    // Calibrate: move the real pointer to a known screen point and see where the page gets it.
    const geometry = xdo('getwindowgeometry', '--shell', window);
    const num = (k: string) => Number(new RegExp(`${k}=(-?\\d+)`).exec(geometry)?.[1] ?? 0);
    const probe = { x: num('X') + 200, y: num('Y') + 400 };
    await page.evaluate(() => {
      const w = window as unknown as { __realPointer?: { x: number; y: number } };
      addEventListener('mousemove', (e) => (w.__realPointer = { x: e.clientX, y: e.clientY }), {
        capture: true,
      });
    });
    // The first motion after a window appears can be lost: move until the page sees one.
    let client: { x: number; y: number } | undefined;
    for (let i = 0; i < 40 && !client; i++) {
      xdo('mousemove', String(probe.x + (i % 2)), String(probe.y));
      await sleep(50);
      client = await page.evaluate(() => {
        const w = window as unknown as { __realPointer?: { x: number; y: number } };
        const p = w.__realPointer;
        w.__realPointer = undefined;
        return p;
      });
      if (client) client = { x: client.x - (i % 2), y: client.y };
    }
    if (!client) throw new Error('the page never saw the real pointer: is the window on screen?');
    return new RealInput(window, { x: probe.x - client.x, y: probe.y - client.y });
  }

  /** A key chord as xdotool names it: `alt+shift+k`, `Return`, `ctrl+Return`, `Escape`, `Tab`. */
  key(...chords: string[]): void {
    xdo('windowfocus', '--sync', this.window);
    xdo('key', '--clearmodifiers', '--delay', '30', ...chords);
  }

  move(x: number, y: number): void {
    xdo('mousemove', String(Math.round(this.origin.x + x)), String(Math.round(this.origin.y + y)));
  }

  click(x: number, y: number, button: 1 | 3 = 1): void {
    this.move(x, y);
    xdo('click', String(button));
  }

  /** Presses the left button at one viewport point and releases it at another, in steps. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    this.move(from.x, from.y);
    xdo('mousedown', '1');
    for (let i = 1; i <= 8; i++) {
      this.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
      await sleep(15);
    }
    xdo('mouseup', '1');
  }
}
