// The one writer of the user's settings. Pages, the popup and the background's
// own code send patches here; the read-modify-write happens in one queue, so a
// site turned off from the popup is never turned back on by a stale copy the
// manager saves later. What is read back from storage is validated (readSettings):
// content scripts can read extension storage, and a compromised one could write it.

import { serial } from '../serial';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import { EPOCH } from '../sync/snapshot';

export interface SettingsStorage {
  read: () => Promise<{ raw: unknown; updated?: string }>;
  write: (settings: Settings, updated: string) => Promise<void>;
  remove: (updated: string) => Promise<void>;
}

export class SettingsOwner {
  /** One read-modify-write at a time. */
  private readonly run = serial();
  private readonly storage: SettingsStorage;
  private readonly now: () => string;
  /** After every change: follow-ups such as the user-site scripts and browser sync. */
  private readonly changed: (
    settings: Settings,
    previous: Settings,
    local: boolean,
  ) => Promise<void>;

  constructor(
    storage: SettingsStorage,
    changed: (settings: Settings, previous: Settings, local: boolean) => Promise<void>,
    now: () => string = () => new Date().toISOString(),
  ) {
    this.storage = storage;
    this.changed = changed;
    this.now = now;
  }

  async current(): Promise<Settings> {
    return readSettings((await this.storage.read()).raw);
  }

  /** Applies a change made in this browser: only the fields in `patch` change. */
  update(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
    return this.run(async () => {
      const previous = await this.current();
      const change = typeof patch === 'function' ? patch(previous) : patch;
      const next = readSettings({ ...previous, ...change });
      await this.storage.write(next, this.now());
      await this.changed(next, previous, true);
      return next;
    });
  }

  /** Settings from the user's other browser, with the time they were changed there. */
  replace(value: unknown, updated: string): Promise<Settings> {
    return this.run(async () => {
      const previous = await this.current();
      const next = readSettings(value);
      await this.storage.write(next, updated);
      await this.changed(next, previous, false);
      return next;
    });
  }

  /** Back to the defaults (delete all); true when there were settings to remove. */
  reset(updated: string): Promise<boolean> {
    return this.run(async () => {
      const { raw } = await this.storage.read();
      const previous = readSettings(raw);
      await this.storage.remove(updated);
      await this.changed(DEFAULT_SETTINGS, previous, false);
      return raw !== undefined;
    });
  }

  /** The settings and when they last changed, for browser sync. */
  async dated(): Promise<{ updated: string; value: Settings } | undefined> {
    const { raw, updated } = await this.storage.read();
    if (raw === undefined) return undefined;
    return { updated: updated ?? EPOCH, value: readSettings(raw) };
  }
}
