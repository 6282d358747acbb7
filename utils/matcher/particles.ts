// Korean particles and suffixes that may follow a name without a space
// (오픈AI와, 삼성전자는, 오라클사, SK텔레콤측은). Anything else glued to a name
// means the name is part of a longer word: 애플리케이션, 메타버스, 구글링, 카카오톡.
// The one list for the matcher's right boundary and the clipper's guesses
// at unknown names (utils/clip/suggest.ts).

function words(list: string): string[] {
  return list.split(' ');
}

/** Copula/quotative forms: only allowed as the first piece (see `isParticleRun`). */
const COPULAS = words('이다 였다 이었다 이며 이라 라는 이라는 이기 이고 인 이던');

/**
 * The particles that mark a name's part in a sentence: who (은 는 이 가),
 * with whom (와 과 와의 과의), also (도), whom (을 를), whose (의), where or
 * to whom (에 에서 에게). Longest first, so a word's ending is found by
 * trying them in order. The clipper takes a word ending in one as a name:
 * the rest of the list also ends ordinary words (계열사, 하나, 프로), which it
 * would then offer as companies.
 */
export const ROLE_PARTICLES: readonly string[] = words(
  '와의 과의 에서 에게 은 는 이 가 와 과 의 을 를 도 에',
);

/** Of `ROLE_PARTICLES`, those that mark who acts, or with whom: a company is usually the one acting. */
export const ACTOR_PARTICLES: readonly string[] = words('은 는 이 가 와 과 도 와의 과의');

const PARTICLE_LIST = [
  ...COPULAS,
  ...ROLE_PARTICLES,
  // other case and delimiter particles
  ...words('만 으로 로 까지 부터 보다 처럼 이나 나'),
  ...words('랑 하고 께서 조차 마저 뿐 만큼 한테 이랑 로서 으로서 으로부터 로부터'),
  // common fused forms (most are also reachable as two pieces)
  ...words('에서의 에는 에도 만의 도를 와도 과도 로는 으로는 에서도 까지도 보다도'),
  // noun suffixes: 측 (side), 사 (company), 들 (plural), 등 (etc.) and fused forms
  ...words('측 사 들 등 측은 측의 측이 측과 사는 사의 사가 사와 사도'),
  // between: 삼성과 애플간(의), 삼성전자와 애플사이(의)
  ...words('간 사이'),
];

const PARTICLES = new Set(PARTICLE_LIST);
const COPULA_SET = new Set(COPULAS);

/** First syllables of the particles (offset from U+AC00): a run starting otherwise is none. */
const INITIALS = new Uint8Array(11172);
for (const p of PARTICLE_LIST) INITIALS[p.charCodeAt(0) - 0xac00] = 1;

/** Can a particle run start with Hangul syllable `unit`? (Cheap pre-check for `isParticleRun`.) */
export const mayStartParticleRun = (unit: number): boolean => INITIALS[unit - 0xac00] === 1;

/** One-syllable particles, and one-syllable copulas (none today), by syllable offset. */
const SINGLE = new Uint8Array(11172);
const SINGLE_COPULA = new Uint8Array(11172);
/** Two-syllable particles, as `first * 11172 + second` offsets. */
const DOUBLE = new Set<number>();
for (const p of PARTICLE_LIST) {
  const a = p.charCodeAt(0) - 0xac00;
  if (p.length === 1) {
    SINGLE[a] = 1;
    if (COPULA_SET.has(p)) SINGLE_COPULA[a] = 1;
  } else if (p.length === 2) {
    DOUBLE.add(a * 11172 + p.charCodeAt(1) - 0xac00);
  }
}

/** `isParticleRun` of the syllables `a` (and `b`, unless -1), without building strings. */
export function isShortParticleRun(a: number, b: number): boolean {
  const x = a - 0xac00;
  if (b < 0) return SINGLE[x] === 1;
  const y = b - 0xac00;
  return (
    DOUBLE.has(x * 11172 + y) || (SINGLE[x] === 1 && SINGLE[y] === 1 && SINGLE_COPULA[y] === 0)
  );
}

/** Longest particle, in syllables. */
const MAX_PIECE = PARTICLE_LIST.reduce((m, p) => Math.max(m, p.length), 0);

/** Longest run of syllables worth checking: two chained pieces. */
export const MAX_PARTICLE_RUN = MAX_PIECE * 2;

/**
 * Is `run` (a whole run of Hangul syllables after a name) one particle or two
 * chained ones (에서+도, 측+에서도)? A copula can't be the second piece, which
 * keeps 애플사이다 (apple cider: 사+이다) from matching 애플.
 */
export function isParticleRun(run: string): boolean {
  if (run.length === 0 || run.length > MAX_PARTICLE_RUN) return false;
  if (PARTICLES.has(run)) return true;
  for (let k = 1; k < run.length; k++) {
    const head = run.slice(0, k);
    const tail = run.slice(k);
    if (PARTICLES.has(head) && PARTICLES.has(tail) && !COPULA_SET.has(tail)) return true;
  }
  return false;
}
