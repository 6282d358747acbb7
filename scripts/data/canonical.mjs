// @ts-check
// The canonical form of a data file: keys in the order of the data/README.md
// examples, two-space indent, one trailing newline. Shared by the formatter,
// the build and the lint, so "canonical" means one thing everywhere.

/**
 * @typedef {{ keys?: string[], fields?: Record<string, Shape>, items?: Shape }} Shape
 * `keys` orders an object's keys (unknown keys follow, as written); `fields`
 * and `items` describe what is inside it.
 */

/** @type {Shape} */
const bilingual = { keys: ['en', 'ko'] };

/** @type {Record<string, Shape>} */
const SHAPES = {
  company: {
    keys: [
      'id',
      'names',
      'aliases',
      'country',
      'sector',
      'homepage',
      'wikidata',
      'ambiguous',
      'sharedAliases',
    ],
    // sharedAliases keeps its keys as written: they are aliases, not field names.
    fields: { names: bilingual },
  },
  alliance: {
    keys: [
      'id',
      'kind',
      'name',
      'aliases',
      'members',
      'since',
      'until',
      'status',
      'summary',
      'sources',
    ],
    fields: {
      name: bilingual,
      summary: bilingual,
      members: { items: { keys: ['company', 'role'] } },
      sources: { items: { keys: ['url', 'title', 'publisher', 'published', 'quote'] } },
    },
  },
  pack: {
    keys: [
      'id',
      'title',
      'publisher',
      'license',
      'homepage',
      'description',
      'updated',
      'expires',
      'removed',
    ],
    fields: { removed: { items: { keys: ['type', 'id'] } } },
  },
  released: { keys: ['companies', 'alliances'] },
};

/** @typedef {'company' | 'alliance' | 'pack' | 'released'} FileKind */

/**
 * What a data file holds, from its path relative to the repository.
 * @param {string} path
 * @returns {FileKind | null}
 */
export function kindOfPath(path) {
  if (path === 'data/pack.json') return 'pack';
  if (path === 'data/released-ids.json') return 'released';
  if (/^data\/companies\/[^/]+\.json$/.test(path)) return 'company';
  if (/^data\/alliances\/[^/]+\.json$/.test(path)) return 'alliance';
  return null;
}

/** @param {unknown} x @returns {x is Record<string, unknown>} */
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A copy of `value` with its keys in canonical order; nothing added, nothing dropped.
 * @param {unknown} value
 * @param {Shape | undefined} shape
 * @returns {unknown}
 */
function reorder(value, shape) {
  if (!shape) return value;
  if (Array.isArray(value)) return value.map((item) => reorder(item, shape.items));
  if (!isObject(value)) return value;
  const known = shape.keys ?? [];
  const keys = [
    ...known.filter((k) => Object.hasOwn(value, k)),
    ...Object.keys(value).filter((k) => !known.includes(k)),
  ];
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of keys) out[k] = reorder(value[k], shape.fields?.[k]);
  return out;
}

/**
 * @param {FileKind} kind
 * @param {unknown} value
 */
export function canonicalValue(kind, value) {
  return reorder(value, SHAPES[kind]);
}

/**
 * Lines of `JSON.stringify(value, null, 2)`, each with the path of the value it
 * belongs to (`sources[0].url`), so a formatting problem can name its field.
 * @param {unknown} value
 * @param {string} path
 * @param {string} indent
 * @param {string} prefix what precedes the value on its first line (`"key": `)
 * @param {string} suffix what follows it on its last line (`,` or nothing)
 * @param {{ text: string, path: string }[]} out
 */
function layout(value, path, indent, prefix, suffix, out) {
  const entries = Array.isArray(value)
    ? value.map((v, i) => /** @type {[string, unknown, string]} */ ([`[${i}]`, v, '']))
    : isObject(value)
      ? Object.entries(value).map(
          ([k, v]) =>
            /** @type {[string, unknown, string]} */ ([
              path ? `.${k}` : k,
              v,
              `${JSON.stringify(k)}: `,
            ]),
        )
      : null;
  if (!entries || entries.length === 0) {
    out.push({ text: `${indent}${prefix}${JSON.stringify(value)}${suffix}`, path });
    return;
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  out.push({ text: `${indent}${prefix}${open}`, path });
  entries.forEach(([step, v, key], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    layout(v, `${path}${step}`, `${indent}  `, key, comma, out);
  });
  out.push({ text: `${indent}${close}${suffix}`, path });
}

/**
 * The canonical text of a parsed data file.
 * @param {FileKind} kind
 * @param {unknown} value
 */
export function canonicalText(kind, value) {
  return `${JSON.stringify(canonicalValue(kind, value), null, 2)}\n`;
}

/**
 * The lines of the canonical text (without the final newline), each with its field.
 * @param {FileKind} kind
 * @param {unknown} value
 */
export function canonicalLines(kind, value) {
  /** @type {{ text: string, path: string }[]} */
  const lines = [];
  layout(canonicalValue(kind, value), '', '', '', '', lines);
  return lines;
}

/**
 * Null when `text` is already canonical; otherwise the first line that differs
 * (1-based) and the field it belongs to in the canonical form.
 * @param {FileKind} kind
 * @param {string} text the file as it is
 * @param {unknown} value the file parsed
 * @returns {{ line: number, field: string } | null}
 */
export function formatDifference(kind, text, value) {
  if (text === canonicalText(kind, value)) return null;
  const lines = canonicalLines(kind, value);
  const actual = text.split('\n');
  const at = lines.findIndex((l, i) => l.text !== actual[i]);
  // Every canonical line matched: the difference is after them (a missing or extra newline).
  if (at === -1) return { line: lines.length + 1, field: '' };
  return {
    line: at + 1,
    field: /** @type {NonNullable<(typeof lines)[number]>} */ (lines[at]).path,
  };
}
