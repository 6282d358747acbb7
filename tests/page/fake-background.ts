// The background as the page tests see it: `sendMessage` (utils/messaging-client)
// answered from the tiny dictionary, recording every request. Test files
// route the real module here with vi.mock.
import { compileMatcher } from '../../utils/matcher';
import type { MessageType, Replies, Reply, RequestOf } from '../../utils/messaging';
import { ALLIANCES, COMPANIES, ENTRIES } from './support';

export interface Sent {
  type: MessageType;
  payload: unknown;
}

export const background = {
  sent: [] as Sent[],
  dictionaryVersion: 1,
  /** Requests of these types fail, as when the extension was reloaded. */
  failing: new Set<MessageType>(),
  /** While set, alliance requests wait for it (the card says Loading meanwhile). */
  gate: null as Promise<void> | null,
  /** What getAlliances says is new to each company, and its newest arrival batch. */
  newFor: {} as Record<string, string[]>,
  arrivalSeq: 0,
  reset(): void {
    this.newFor = {};
    this.arrivalSeq = 0;
    this.sent = [];
    this.dictionaryVersion = 1;
    this.failing.clear();
    this.gate = null;
  },
  of(type: MessageType): unknown[] {
    return this.sent.filter((s) => s.type === type).map((s) => s.payload);
  },
};

function answer<T extends MessageType>(type: T, payload: RequestOf<T>): Replies[T] | undefined {
  switch (type) {
    case 'getDictionary':
      return {
        version: background.dictionaryVersion,
        matcher: compileMatcher(ENTRIES),
      } as Replies[T];
    case 'getAlliances': {
      const { companyIds, allianceIds } = payload as RequestOf<'getAlliances'>;
      const alliances = ALLIANCES.filter(
        (a) => allianceIds.includes(a.id) || a.members.some((m) => companyIds.includes(m.company)),
      );
      const companies = COMPANIES.filter((c) => companyIds.includes(c.id));
      const newFor = Object.fromEntries(
        Object.entries(background.newFor).filter(([id]) => companyIds.includes(id)),
      );
      return { alliances, companies, newFor, arrivalSeq: background.arrivalSeq } as Replies[T];
    }
    case 'getShortcuts':
      return [
        { name: 'clip-alliance', description: 'Clip', shortcut: 'Alt+Shift+K' },
      ] as Replies[T];
    default:
      return null as Replies[T];
  }
}

export async function sendMessage<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<Reply<T>> {
  background.sent.push({ type, payload });
  if (type === 'getAlliances' && background.gate) await background.gate;
  if (background.failing.has(type)) return { ok: false, error: { message: 'no background' } };
  return { ok: true, value: answer(type, payload) as Replies[T] };
}
