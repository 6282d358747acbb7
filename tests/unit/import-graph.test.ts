// Keeps the layers pointing one way: utils/ never reaches into components/, and
// no module under utils/ depends on itself through a chain of imports. Reads the
// sources as text, so it also sees type-only imports (a type cycle still ties
// two layers together for the reader).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const UTILS = join(ROOT, 'utils');

// Nothing is allowed: every cycle and every utils/ → components/ import fails.
const ALLOWED_CYCLES: readonly string[] = [];
const ALLOWED_COMPONENT_IMPORTS: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

// `import … from '…'` and `export … from '…'`, over several lines; the character
// class stops at quotes and semicolons so a match never runs past one statement.
const IMPORT_RE = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT_RE = /^\s*import\s*['"]([^'"]+)['"]/gm;

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(IMPORT_RE), ...text.matchAll(SIDE_EFFECT_RE)].map(
    (m) => m[1] as string,
  );
  return [
    ...new Set(specifiers.map((s) => resolveImport(file, s)).filter((p) => p !== undefined)),
  ].sort();
}

const name = (path: string) => relative(ROOT, path);

/** A file's module: its folder under utils/ (utils/db), or the file itself at the top (utils/i18n.ts). */
function moduleOf(path: string): string {
  const [first, ...rest] = relative(UTILS, path).split('/');
  return join(UTILS, rest.length ? (first as string) : (first as string));
}

/** Every cycle a depth-first search meets (one per back edge), each starting at its smallest module. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next)).map(name);
        const start = loop.indexOf([...loop].sort()[0] as string);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...rotated, rotated[0]].join(' → '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles].sort();
}

const graph = new Map(sourceFiles(UTILS).map((f) => [f, importsOf(f)]));

/** The same graph between modules (folders), where a cycle ties whole layers together. */
const moduleGraph = new Map<string, string[]>();
for (const [file, deps] of graph) {
  const from = moduleOf(file);
  const to = new Set(moduleGraph.get(from));
  for (const d of deps) if (d.startsWith(UTILS) && moduleOf(d) !== from) to.add(moduleOf(d));
  moduleGraph.set(from, [...to].sort());
}

describe('the import graph of utils/', () => {
  it('sees the imports it checks', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(importsOf(join(UTILS, 'db/database.ts')).map(name)).toContain('utils/db/records.ts');
  });

  it('never imports components/', () => {
    const components = join(ROOT, 'components');
    const offenders = [...graph]
      .flatMap(([file, deps]) =>
        deps.filter((d) => d.startsWith(components)).map((d) => `${name(file)} → ${name(d)}`),
      )
      .filter((o) => !ALLOWED_COMPONENT_IMPORTS.includes(o))
      .sort();
    expect(offenders, `utils/ imports components/:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('has no import cycles between files', () => {
    const cycles = findCycles(graph).filter((c) => !ALLOWED_CYCLES.includes(c));
    expect(cycles, `import cycles among utils/ files:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('has no import cycles between modules (the folders of utils/)', () => {
    const cycles = findCycles(moduleGraph).filter((c) => !ALLOWED_CYCLES.includes(c));
    expect(cycles, `import cycles among utils/ modules:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('keeps the data layers pointing one way: sync → db → pack', () => {
    const layer = (dir: string) => join(UTILS, dir);
    const reaches = (from: string, to: string) =>
      [...graph]
        .filter(([file]) => file.startsWith(layer(from)))
        .flatMap(([file, deps]) =>
          deps.filter((d) => d.startsWith(layer(to))).map((d) => `${name(file)} → ${name(d)}`),
        );
    const wrong = [
      ...reaches('db/', 'sync/'),
      ...reaches('db/', 'background/'),
      ...reaches('pack/', 'db/'),
      ...reaches('pack/', 'sync/'),
      ...reaches('matcher/', 'pack/'),
      ...reaches('matcher/', 'db/'),
    ];
    expect(wrong, `imports against the layers:\n${wrong.join('\n')}`).toEqual([]);
  });

  it('lets extension pages reach the database only through its read side', () => {
    const readSide = ['reader.ts', 'records.ts', 'backup.ts'].map((f) => join(UTILS, 'db', f));
    const pages = ['entrypoints/options', 'entrypoints/popup', 'components'].flatMap((d) =>
      sourceFiles(join(ROOT, d)),
    );
    const wrong = pages.flatMap((file) =>
      importsOf(file)
        .filter((d) => d.startsWith(join(UTILS, 'db')) && !readSide.includes(d))
        .map((d) => `${name(file)} → ${name(d)}`),
    );
    expect(wrong, `pages importing the database's write side:\n${wrong.join('\n')}`).toEqual([]);
  });
});
