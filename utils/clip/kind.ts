// The alliance kind suggested by the wording of a clipped sentence (Korean and
// English). Pure: runs in Node.
//
// Every cue is found in the text; overlapping cues keep the leftmost-longest
// one (so 인수합병 is one cue, not 인수 + 합병, and "mergers and acquisitions"
// is not "mergers"). Of the cues left, the most specific kind wins:
//
//   merger > acquisition > joint-venture > investment > licensing > supply
//          > consortium > partnership
//
// (a merger is usually also described as a partnership, an investment often
// comes with a "strategic partnership", and so on). Weak cues — buy/buys/
// bought, which also describe ordinary purchases ("buys chips") — only count
// when no other cue is present. Within the winning kind the first cue in the
// text is the reason (`because`, the matched text as written).
//
// Korean has no word boundaries, so Korean cues are plain substrings with a
// few exclusions (연합뉴스 is a news agency, 인수위 a transition committee).
// English cues must not touch a Latin letter on either side ("investigate" is
// not "invest", "emerge" is not "merge"), but may touch Hangul ("MOU를").

import type { AllianceKind } from '../pack/types';

/** Most specific first; see the header. */
export const KIND_PRIORITY: readonly AllianceKind[] = [
  'merger',
  'acquisition',
  'joint-venture',
  'investment',
  'licensing',
  'supply',
  'consortium',
  'partnership',
];

interface Cue {
  kind: AllianceKind;
  re: RegExp;
  weak?: boolean;
}

/** Case-insensitive English word(s), not touching a Latin letter. */
const en = (kind: AllianceKind, body: string, weak = false): Cue => ({
  kind,
  re: new RegExp(`(?<![A-Za-z])(?:${body})(?![A-Za-z])`, 'gi'),
  weak,
});
/** Case-sensitive acronym, not touching a Latin letter. */
const acronym = (kind: AllianceKind, body: string): Cue => ({
  kind,
  re: new RegExp(`(?<![A-Za-z])(?:${body})(?![A-Za-z])`, 'g'),
});
/** Korean substring(s). */
const ko = (kind: AllianceKind, body: string): Cue => ({ kind, re: new RegExp(body, 'g') });

const CUES: readonly Cue[] = [
  // M&A / 인수합병 name acquisitions in general: the acquisition kind.
  ko('acquisition', '인수\\s?합병'),
  acronym('acquisition', 'M&A'),
  en('acquisition', 'mergers?\\s+(?:and|&)\\s+acquisitions?'),
  ko('merger', '합병'),
  en('merger', 'merg(?:e|es|ed|ing|er|ers)'),
  ko('acquisition', '인수(?!위|인계|분해)'),
  en('acquisition', 'acquir(?:e|es|ed|ing)|acquisitions?|takeover|buyout'),
  en('acquisition', 'buy(?:s|ing)?|bought', true),
  ko('joint-venture', '합작\\s?(?:법인|회사|사)|조인트\\s?벤처'),
  en('joint-venture', 'joint[\\s-]+ventures?'),
  acronym('joint-venture', 'JVs?'),
  ko('investment', '투자|지분|출자|펀딩'),
  en(
    'investment',
    'invest(?:s|ed|ing|ments?)?|stakes?|funding\\s+rounds?|rounds?\\s+of\\s+funding',
  ),
  ko('licensing', '라이[선센]스|사용권'),
  en('licensing', 'licen[cs](?:e|es|ed|ing|or|ors|ee|ees)'),
  ko('supply', '공급|납품'),
  en('supply', 'suppl(?:y|ies|ied|ying|ier|iers)'),
  ko('consortium', '동맹|얼라이언스|(?<!유럽)연합(?!뉴스)|컨소시엄'),
  en('consortium', 'alliances?|consorti(?:um|ums|a)'),
  ko('partnership', '손(?:을\\s?)?잡|협력|제휴|파트너십|맞손|협업|업무\\s?협약'),
  acronym('partnership', 'MOU|MoU'),
  en('partnership', 'partner(?:s|ed|ing|ships?)?|team(?:s|ed|ing)?\\s+up|collaborat[a-z]*'),
];

interface Hit {
  start: number;
  end: number;
  cue: Cue;
}

/** Every cue occurrence, overlaps resolved leftmost-longest (earlier cue on a tie). */
function findCues(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const cue of CUES) {
    for (const m of text.matchAll(cue.re)) {
      if (m[0].length > 0) hits.push({ start: m.index, end: m.index + m[0].length, cue });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let reach = 0;
  for (const h of hits) {
    if (h.start < reach) continue;
    kept.push(h);
    reach = h.end;
  }
  return kept;
}

export function suggestKind(text: string): { kind: AllianceKind; because: string } | null {
  const hits = findCues(text);
  const strong = hits.filter((h) => !h.cue.weak);
  const pool = strong.length > 0 ? strong : hits;
  let best: Hit | null = null;
  for (const h of pool) {
    if (!best || KIND_PRIORITY.indexOf(h.cue.kind) < KIND_PRIORITY.indexOf(best.cue.kind)) best = h;
  }
  return best ? { kind: best.cue.kind, because: text.slice(best.start, best.end) } : null;
}
