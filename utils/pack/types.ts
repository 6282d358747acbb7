// The pack format's record types (see docs/pack-format.md). These are the
// shapes *after* validation; utils/pack/schema.ts is what checks raw JSON.

export const ALLIANCE_KINDS = [
  'partnership',
  'investment',
  'acquisition',
  'merger',
  'joint-venture',
  'consortium',
  'supply',
  'licensing',
] as const;
export type AllianceKind = (typeof ALLIANCE_KINDS)[number];

export const ALLIANCE_STATUSES = ['announced', 'active', 'ended'] as const;
export type AllianceStatus = (typeof ALLIANCE_STATUSES)[number];

/** What a company mainly does; data/README.md says when to use which. */
export const COMPANY_SECTORS = [
  'platform',
  'telecom',
  'chips',
  'cloud',
  'it-services',
  'foundation-models',
  'ai-software',
  'data',
  'medical',
  'robotics',
  'mobility',
  'games',
  'education',
  'research',
  'hardware',
  'investment',
  'consulting',
  'developer-tools',
  'conglomerate',
  'government',
  'other',
] as const;
export type CompanySector = (typeof COMPANY_SECTORS)[number];

/** Text in the two UI languages; at least one of them is present. */
export interface LocalizedText {
  en?: string;
  ko?: string;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

export interface Company {
  /** Global slug shared by every pack: `openai`, `samsung-electronics`. */
  id: string;
  names: { en: string; ko: string };
  /** Surface forms found in news text, Korean and Latin. */
  aliases: string[];
  wikidata?: string;
  homepage?: string;
  /** ISO 3166-1 alpha-2 code of the headquarters, uppercase: `KR`, `US`. */
  country?: string;
  sector?: CompanySector;
  /** Names or aliases of this company that are also ordinary words (`Apple`, `메타`). */
  ambiguous?: string[];
  /** Alias -> the id of the company it usually means, for an alias two companies list. */
  sharedAliases?: Record<string, string>;
}

export interface AllianceMember {
  company: string;
  role?: string;
}

export interface Source {
  url: string;
  title?: string;
  publisher?: string;
  published?: PartialDate;
  /** A short quote the reader selected when clipping. */
  quote?: string;
}

export interface Alliance {
  id: string;
  kind: AllianceKind;
  /** Named alliances (AI Alliance, GTAA) have a name; bilateral ties usually don't. */
  name: LocalizedText | null;
  /** Extra surface forms of a named alliance, so it is detectable in text. */
  aliases?: string[];
  members: AllianceMember[];
  since: PartialDate | null;
  until: PartialDate | null;
  status: AllianceStatus;
  summary?: LocalizedText;
  sources: Source[];
}

export interface PackInfo {
  id: string;
  title: string;
  publisher?: string;
  homepage?: string;
  description?: string;
  /** SPDX license identifier of the pack's data, like `CC-BY-4.0`. */
  license?: string;
  /** ISO 8601 date-time. */
  updated: string;
  /** Suggested re-check interval in hours for subscribers. */
  expires?: number;
}

export interface RemovedRef {
  type: 'company' | 'alliance';
  id: string;
}

export interface Pack {
  format: 'alliance-lens-pack';
  version: 1;
  pack: PackInfo;
  companies: Company[];
  alliances: Alliance[];
  removed?: RemovedRef[];
}

export const PACK_FORMAT = 'alliance-lens-pack';
export const PACK_VERSION = 1;
/** Packs larger than this are refused before they are parsed. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
