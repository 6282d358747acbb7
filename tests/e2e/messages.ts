// The one way end-to-end tests talk to the extension: a protocol message built
// by the protocol's own `envelope`, sent from an extension page as the popup
// and the manager send theirs, with the reply typed by the protocol.
import type { Page } from 'playwright-core';
import { envelope, type MessageType, type Reply, type RequestOf } from '../../utils/messaging';

/** Sends `type` from `page` (an extension page: popup.html or options.html). */
export async function ask<T extends MessageType>(
  page: Page,
  type: T,
  payload: RequestOf<T>,
): Promise<Reply<T>> {
  return (await page.evaluate(
    (message) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(message),
    envelope(type, payload) as unknown as Record<string, unknown>,
  )) as Reply<T>;
}

/** Like `ask`, for a reply the test needs: fails with the extension's own message otherwise. */
export async function askOk<T extends MessageType>(
  page: Page,
  type: T,
  payload: RequestOf<T>,
): Promise<Extract<Reply<T>, { ok: true }>['value']> {
  const reply = await ask(page, type, payload);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.message}`);
  return reply.value;
}

/** Polls `ready` on an extension page until it holds, or fails after `ms` saying `what`. */
async function until(page: Page, ready: () => Promise<boolean>, what: string, ms: number) {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`${what} within ${ms / 1000} s`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the bundled pack is in the database (it is loaded after install). */
export async function waitForBundledPack(page: Page, ms = 20_000): Promise<void> {
  await until(
    page,
    async () => {
      const reply = await ask(page, 'getStatus', {});
      return reply.ok && reply.value.counts.companies > 0;
    },
    'the bundled pack was not installed',
    ms,
  );
}

/**
 * Waits until the background has published the dictionary of the current
 * dataset (it compiles it after an import), from an extension page.
 */
export async function waitForPublishedDictionary(page: Page, ms = 60_000): Promise<void> {
  await until(
    page,
    async () => {
      const status = await ask(page, 'getStatus', {});
      const published = await page.evaluate(
        async () =>
          (
            (await (
              globalThis as unknown as {
                chrome: {
                  storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } };
                };
              }
            ).chrome.storage.local.get('dictionary')) as { dictionary?: { version?: number } }
          ).dictionary?.version,
      );
      return status.ok && published === status.value.version;
    },
    'the dictionary was not published',
    ms,
  );
}
