// Writes public/_locales/{en,ko}/messages.json from utils/i18n-messages.json, so
// every string is declared once with both languages side by side. `{name}`
// placeholders become the WebExtension `$name$` form, numbered in order of appearance.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const source = JSON.parse(readFileSync(new URL('../utils/i18n-messages.json', import.meta.url), 'utf8'));

export function toLocaleEntry(text) {
  const names = [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
  const entry = { message: text.replace(/\{(\w+)\}/g, (_, n) => `$${n}$`) };
  if (names.length) {
    entry.placeholders = Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }]));
  }
  return entry;
}

for (const lang of ['en', 'ko']) {
  const out = {};
  for (const [key, entry] of Object.entries(source)) out[key] = toLocaleEntry(entry[lang] ?? entry.en);
  const dir = new URL(`../public/_locales/${lang}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('messages.json', dir), `${JSON.stringify(out, null, 2)}\n`);
}
