// Loads the bundled pack into the database on install and update, never touching user records.
import { BUNDLED } from '../db/records';
import type { AllianceStore } from '../db/store';
import { formatProblem, parsePackText } from '../pack/validate';

export async function loadBundledPack(
  store: AllianceStore,
  text: string,
  force: boolean,
): Promise<void> {
  const parsed = parsePackText(text);
  // The bundled pack is checked by the tests; failing here is a build bug, so say exactly what.
  if (!parsed.ok)
    throw new Error(`bundled pack is invalid: ${parsed.error.map(formatProblem).join('; ')}`);
  const installed = await store.getPack(BUNDLED);
  if (!force && installed && installed.updated === parsed.value.pack.updated) return;
  await store.installPack(parsed.value, { origin: BUNDLED });
}
