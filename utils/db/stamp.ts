// Pack records as the database stores them: stamped with origin and time, with
// the derived keys the indexes need. No Dexie here, so pure code (utils/sync) uses it too.
import { aliasKey } from '../matcher';
import type { Alliance, Company } from '../pack/types';
import type { Origin, StoredAlliance, StoredCompany } from './records';

function keysOf(surfaces: Iterable<string | undefined>): string[] {
  const keys = new Set<string>();
  for (const s of surfaces) {
    const k = s ? aliasKey(s) : '';
    if (k) keys.add(k);
  }
  return [...keys];
}

/** Normalized names and aliases, for the multi-entry alias index. */
export function companyAliasKeys(c: Pick<StoredCompany, 'names' | 'aliases'>): string[] {
  return keysOf([c.names.en, c.names.ko, ...c.aliases]);
}

export function allianceAliasKeys(a: Pick<StoredAlliance, 'name' | 'aliases'>): string[] {
  return keysOf([a.name?.en, a.name?.ko, ...(a.aliases ?? [])]);
}

export function toStoredCompany(c: Company, origin: Origin, updated: string): StoredCompany {
  const aliases = c.aliases ?? [];
  return {
    ...c,
    aliases,
    origin,
    updated,
    aliasKeys: companyAliasKeys({ names: c.names, aliases }),
  };
}

export function toStoredAlliance(a: Alliance, origin: Origin, updated: string): StoredAlliance {
  return {
    ...a,
    origin,
    updated,
    memberIds: a.members.map((m) => m.company),
    aliasKeys: allianceAliasKeys(a),
  };
}

/** A stored company as a pack states it: the stamps and index keys left behind. */
export function toCompany(s: StoredCompany): Company {
  const c: Company = { id: s.id, names: s.names, aliases: s.aliases };
  if (s.wikidata) c.wikidata = s.wikidata;
  if (s.homepage) c.homepage = s.homepage;
  if (s.country) c.country = s.country;
  if (s.sector) c.sector = s.sector;
  if (s.ambiguous?.length) c.ambiguous = s.ambiguous;
  if (s.sharedAliases && Object.keys(s.sharedAliases).length) c.sharedAliases = s.sharedAliases;
  return c;
}

/** A stored alliance as a pack states it. */
export function toAlliance(s: StoredAlliance): Alliance {
  const { origin: _o, updated: _u, memberIds: _m, aliasKeys: _k, deleted: _d, ...a } = s;
  return a;
}
