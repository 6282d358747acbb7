// Where a record comes from. Packs, the merge and the database all speak of
// origins, so the names live here, below the database (utils/db/records.ts re-exports them).

/** `bundled`, `user`, or the id of an installed pack. */
export type Origin = string;
export const BUNDLED: Origin = 'bundled';
export const USER: Origin = 'user';
export const RESERVED_ORIGINS: readonly string[] = [BUNDLED, USER];
