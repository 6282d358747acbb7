// Writes public/_locales/{en,ko}/messages.json from utils/i18n/*.json, so
// every string is declared once with both languages side by side. `{name}`
// placeholders become the WebExtension `$name$` form, numbered in order of appearance.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

// With --check, fails instead of writing when the committed files are stale.
const check = process.argv.includes('--check');

// Every table under utils/i18n/, merged; a key defined twice is an error.
const source = {};
const tables = readdirSync(new URL('../utils/i18n/', import.meta.url)).filter((f) =>
  f.endsWith('.json'),
);
for (const name of tables.sort()) {
  const table = JSON.parse(readFileSync(new URL(`../utils/i18n/${name}`, import.meta.url), 'utf8'));
  for (const [key, entry] of Object.entries(table)) {
    if (key in source) {
      console.error(`utils/i18n/${name}: "${key}" is already defined in another table`);
      process.exit(1);
    }
    source[key] = entry;
  }
}

export function toLocaleEntry(text) {
  const names = [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
  const entry = { message: text.replace(/\{(\w+)\}/g, (_, n) => `$${n}$`) };
  if (names.length) {
    entry.placeholders = Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }]));
  }
  return entry;
}

for (const key of Object.keys(source)) {
  // Browsers refuse to load an extension whose message names use anything else.
  if (!/^\w+$/.test(key)) {
    console.error(
      `utils/i18n/*.json: "${key}" is not a valid message name (use letters, digits and _)`,
    );
    process.exit(1);
  }
}

for (const lang of ['en', 'ko']) {
  const out = {};
  for (const [key, entry] of Object.entries(source))
    out[key] = toLocaleEntry(entry[lang] ?? entry.en);
  const dir = new URL(`../public/_locales/${lang}/`, import.meta.url);
  const file = new URL('messages.json', dir);
  const text = `${JSON.stringify(out, null, 2)}\n`;
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      console.error(
        `public/_locales/${lang}/messages.json is out of date: run node scripts/gen-locales.mjs`,
      );
      process.exit(1);
    }
    continue;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
}
