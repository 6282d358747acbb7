// A backup file as dexie-export-import writes it (the browser's exportDB needs a
// FileReader, so Node tests write the same envelope themselves): each table's rows.
export function dexieBackupText(tables: { tableName: string; rows: unknown[] }[]): string {
  return JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'alliance-lens',
      databaseVersion: 3,
      tables: [],
      data: tables.map((t) => ({ ...t, inbound: true })),
    },
  });
}
