// The database's records as packs: one origin as it is stored, or the merged
// view (everything, the user's own, their clips, one company's neighbourhood).
import type { AllianceView, CompanyView } from '../pack/merge';
import type { Alliance, Pack, PackInfo } from '../pack/types';
import { PACK_FORMAT, PACK_VERSION } from '../pack/types';
import type { AllianceDb } from './database';
import { type Origin, type StoredAlliance, type StoredCompany, USER } from './records';
import { toAlliance, toCompany } from './stamp';

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'clips' }
  | { kind: 'company'; companyId: string };

/** What exporting the merged view reads (reader.ts provides it). */
export interface MergedViews {
  mergedCompanies(): Promise<CompanyView[]>;
  mergedAlliances(): Promise<AllianceView[]>;
  myClips(): Promise<{ alliance: Alliance; updated: string }[]>;
}

/** One origin's records (`records`, read by the caller) as a pack. */
export async function exportOrigin(
  db: AllianceDb,
  records: { companies: readonly StoredCompany[]; alliances: readonly StoredAlliance[] },
  origin: Origin,
  info?: Partial<PackInfo>,
): Promise<Pack> {
  const { companies, alliances } = records;
  const stored = await db.packs.get(origin);
  const pack: PackInfo = {
    id: info?.id ?? stored?.id ?? origin,
    title: info?.title ?? stored?.title ?? origin,
    updated: info?.updated ?? stored?.updated ?? new Date().toISOString(),
  };
  const publisher = info?.publisher ?? stored?.publisher;
  const homepage = info?.homepage ?? stored?.homepage;
  if (publisher) pack.publisher = publisher;
  if (homepage) pack.homepage = homepage;
  const license = info?.license ?? stored?.license;
  if (license) pack.license = license;
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    pack,
    companies: companies.filter((c) => !c.deleted).map(toCompany),
    alliances: alliances.filter((a) => !a.deleted).map(toAlliance),
  };
}

/**
 * The dataset as the reader sees it, as a self-contained pack: everything,
 * only the user's own records (with the companies they refer to, ready to
 * publish), or one company's neighbourhood.
 */
export async function exportView(views: MergedViews, scope: ExportScope): Promise<Pack> {
  const all = await views.mergedAlliances();
  let alliances: AllianceView[];
  if (scope.kind === 'all') alliances = all;
  else if (scope.kind === 'mine') alliances = all.filter((a) => a.origin === USER);
  else if (scope.kind === 'clips') {
    const clipIds = new Set((await views.myClips()).map((c) => c.alliance.id));
    alliances = all.filter((a) => a.origin === USER && clipIds.has(a.id));
  } else alliances = all.filter((a) => a.members.some((m) => m.company === scope.companyId));
  const memberIds = new Set(alliances.flatMap((a) => a.members.map((m) => m.company)));
  if (scope.kind === 'company') memberIds.add(scope.companyId);
  let companies = await views.mergedCompanies();
  companies =
    scope.kind === 'all'
      ? companies
      : companies.filter(
          (c) => memberIds.has(c.id) || (scope.kind === 'mine' && c.origins[0] === USER),
        );
  const titles = {
    all: 'Alliance Lens dataset',
    mine: 'My alliances',
    clips: 'My clips',
    company: `Alliances of ${scope.kind === 'company' ? scope.companyId : ''}`,
  };
  const ids = {
    all: 'alliance-lens-export',
    mine: 'my-alliances',
    clips: 'my-clips',
    company: `neighbourhood-${scope.kind === 'company' ? scope.companyId : ''}`,
  };
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    pack: { id: ids[scope.kind], title: titles[scope.kind], updated: new Date().toISOString() },
    companies: companies.map(({ origins: _o, ...c }) => c),
    alliances: alliances.map(({ origin: _o, overridden: _v, ...a }) => a),
  };
}
