// The catalog of suggested packs the manager offers for one-click subscription. It is data,
// checked like every pack: an entry that is not valid (an address that is not https, a
// missing title…) is left out rather than shown, and the official pack always comes first.
//
// The catalog's hosts are host permissions of the manifest (wxt.config.ts), granted at install:
// subscribing from the catalog asks nothing (one click is one click), and the background's
// conditional re-checks (If-None-Match is not a CORS-safelisted header) go out without a CORS
// preflight, which CDNs answer poorly (jsDelivr's has no Access-Control-Allow-Headers).
//
// The official pack is the `alliance-lens-data` npm package (packages/alliance-lens-data),
// served by jsDelivr from npm. `@1` follows the newest 1.x.y release: the package's major
// version is the pack format's version, so readers only ever get packs they can read.
import * as v from 'valibot';
import { isHttpUrl } from './schema';

export interface CatalogEntry {
  /** The pack's own `pack.id`: what it is installed as. */
  id: string;
  title: string;
  publisher: string;
  description: { en: string; ko: string };
  /** Where the pack is fetched from: always https. */
  url: string;
  /** SPDX identifier of the pack's data license. */
  license: string;
  homepage: string;
  /** Published by the Alliance Lens project itself. */
  official: boolean;
}

export const OFFICIAL_PACK_URL = 'https://cdn.jsdelivr.net/npm/alliance-lens-data@1/core.json';

const CATALOG_DATA: readonly unknown[] = [
  {
    id: 'core',
    title: 'Alliance Lens core dataset',
    publisher: 'Alliance Lens',
    description: {
      en: 'Korean and global AI companies with the names the press uses, and their alliances, each with sources. The same data as the bundled pack, updated between extension releases.',
      ko: '국내외 AI 기업과 언론이 쓰는 이름, 그리고 출처가 달린 제휴 관계. 내장 팩과 같은 데이터로, 확장 프로그램 업데이트 사이에도 갱신됩니다.',
    },
    url: OFFICIAL_PACK_URL,
    license: 'CC-BY-4.0',
    homepage: 'https://github.com/alliance-lens/alliance-lens',
    official: true,
  },
];

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const httpsUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => isHttpUrl(s) && new URL(s).protocol === 'https:', 'not an https address'),
);

const CatalogEntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80)),
  title: text(200),
  publisher: text(200),
  description: v.object({ en: text(500), ko: text(500) }),
  url: httpsUrl,
  license: text(100),
  homepage: httpsUrl,
  official: v.boolean(),
});

/** The valid entries of `raw`, official ones first, each id and address once. */
export function parseCatalog(raw: readonly unknown[]): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const item of raw) {
    const parsed = v.safeParse(CatalogEntrySchema, item);
    if (!parsed.success) continue;
    const entry = { ...parsed.output, url: new URL(parsed.output.url).href };
    if (entries.some((e) => e.id === entry.id || e.url === entry.url)) continue;
    entries.push(entry);
  }
  // A stable sort: official entries first, the others in the catalog's order.
  return entries.sort((a, b) => Number(b.official) - Number(a.official));
}

export const PACK_CATALOG: readonly CatalogEntry[] = parseCatalog(CATALOG_DATA);

/** The manifest's host permissions for the catalog: `https://<host>/*` for each entry. */
export const CATALOG_HOST_PATTERNS: string[] = [
  ...new Set(PACK_CATALOG.map((e) => `https://${new URL(e.url).hostname}/*`)),
];

/** Whether one of the installed packs is subscribed to this entry's address. */
export function isSubscribed(
  entry: CatalogEntry,
  packs: readonly { sync?: { url?: string } }[],
): boolean {
  return packs.some((p) => p.sync?.url === entry.url);
}
