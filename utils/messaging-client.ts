// Sending side of the protocol: never throws, always resolves to a Result.
import { browser } from 'wxt/browser';
import { envelope, type MessageType, type Reply, type RequestOf } from './messaging';

export async function sendMessage<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as
      | Reply<T>
      | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return {
        ok: false,
        error: { message: 'the extension did not answer; try reloading the page' },
      };
    }
    return reply;
  } catch (e) {
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
  }
}
