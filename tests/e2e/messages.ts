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
