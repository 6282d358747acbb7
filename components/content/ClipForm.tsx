// The clip form, shown on the article in the extension's closed shadow root:
// prefilled from the selection and the page, keyboard-first (Enter saves,
// Escape cancels), every problem explained beside its field.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clipAllianceId } from '../../utils/clip/draft';
import { findDuplicate } from '../../utils/clip/duplicates';
import type { ClipFormProps, ClipSubmission } from '../../utils/clip/form';
import { kindLabel, t } from '../../utils/i18n';
import { companyLabel } from '../../utils/pack/merge';
import type {
  Alliance,
  AllianceKind,
  AllianceStatus,
  Company,
  Source,
} from '../../utils/pack/types';
import { AllianceFields } from '../AllianceFields';
import { FieldProblems, unplacedProblems } from '../FieldProblems';

interface MemberRow {
  id: string;
  /** A company the dataset does not know yet: created with the alliance. */
  isNew: boolean;
  name: string;
  include: boolean;
  role: string;
}

/**
 * Whether a keydown saves the form: Enter from any field (a select or a
 * checkbox does not submit on its own), Ctrl/Cmd+Enter in a textarea, never
 * on a button (Enter activates it) or while an IME is composing (Korean input).
 */
export function isSaveKey(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return false;
  const target = e.target as HTMLElement | null;
  const tag = target?.tagName;
  if (tag === 'BUTTON' || tag === 'A') return false;
  if (tag === 'TEXTAREA') return e.ctrlKey || e.metaKey;
  return true;
}

export function ClipForm(p: ClipFormProps) {
  const [members, setMembers] = useState<MemberRow[]>(() => [
    ...p.draft.known.map((k) => ({
      id: k.id,
      isNew: false,
      name: companyLabel(p.companies.get(k.id), k.id, p.lang),
      include: true,
      role: '',
    })),
    ...p.draft.unknown.map((u) => ({
      id: u.suggestedId,
      isNew: true,
      name: u.alias,
      include: u.likely,
      role: '',
    })),
  ]);
  const [kind, setKind] = useState<AllianceKind>(p.draft.kind);
  const [status, setStatus] = useState<AllianceStatus>('announced');
  const [since, setSince] = useState(p.draft.since);
  const [summary, setSummary] = useState('');
  const [source, setSource] = useState<Source>(p.draft.source);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => first.current?.focus(), []);

  const included = members.filter((m) => m.include && m.name.trim());
  // Every path a field shows problems for; anything else is shown at the end of the form.
  const placedPaths = [
    ...included.map((_, i) => `members[${i}]`),
    'members',
    'since',
    'sources[0]',
  ];
  const duplicate = useMemo(() => {
    if (included.some((m) => m.isNew)) return null;
    return findDuplicate(
      { kind, members: included.map((m) => m.id), since: since || null },
      p.alliances,
    );
  }, [kind, since, included.map((m) => m.id).join(), p.alliances]);

  const build = (): ClipSubmission => {
    const newCompanies: Company[] = included
      .filter((m) => m.isNew)
      .map((m) => ({
        id: m.id,
        names: { en: m.name.trim(), ko: m.name.trim() },
        aliases: [m.name.trim()],
      }));
    const ids = included.map((m) => m.id);
    const alliance: Alliance = {
      id: clipAllianceId(ids, kind, since),
      kind,
      name: null,
      members: included.map((m) =>
        m.role.trim() ? { company: m.id, role: m.role.trim() } : { company: m.id },
      ),
      since: since.trim() || null,
      until: null,
      status,
      sources: [
        Object.fromEntries(
          Object.entries(source).filter(([, v]) => typeof v === 'string' && v.trim()),
        ) as unknown as Source,
      ],
    };
    if (summary.trim())
      alliance.summary = p.lang === 'ko' ? { ko: summary.trim() } : { en: summary.trim() };
    return { alliance, newCompanies };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblems(await p.onSave(build()));
    setBusy(false);
  };

  const setMember = (i: number, patch: Partial<MemberRow>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <div class="card clip-form" role="dialog" aria-labelledby="clip-title" data-testid="clip-form">
      <form
        ref={formRef}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (isSaveKey(e)) {
            e.preventDefault();
            formRef.current?.requestSubmit();
            return;
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            p.onCancel();
          }
        }}
      >
        <header class="card-head">
          <h2 id="clip-title" class="title">
            {t('clipTitle')}
          </h2>
          <button type="button" class="close" aria-label={t('cardClose')} onClick={p.onCancel}>
            ×
          </button>
        </header>
        {p.draft.truncated && <p class="warning">{t('clipTruncated')}</p>}
        <fieldset class="clip-field">
          <legend>{t('clipMembers')}</legend>
          {members.length === 0 && <p class="muted">{t('clipNoMembers')}</p>}
          {members.map((m, i) => (
            <div class="clip-member" key={`${m.id}-${i}`} data-member={m.id}>
              <label>
                <input
                  type="checkbox"
                  name="member"
                  checked={m.include}
                  onChange={(e) => setMember(i, { include: e.currentTarget.checked })}
                />{' '}
                {m.isNew ? (
                  <input
                    class="clip-input"
                    name="member-name"
                    value={m.name}
                    aria-label={t('clipNewCompanyName')}
                    onInput={(e) => setMember(i, { name: e.currentTarget.value })}
                  />
                ) : (
                  <strong>{m.name}</strong>
                )}
              </label>
              {m.isNew && <span class="badge">{t('clipNewCompany')}</span>}
              <FieldProblems problems={problems} path={`members[${included.indexOf(m)}]`} />
            </div>
          ))}
          <FieldProblems problems={problems} path="members" />
        </fieldset>
        <AllianceFields
          classes={{ row: 'clip-row', field: 'clip-field', input: 'clip-input' }}
          kind={kind}
          status={status}
          since={since}
          onKind={setKind}
          onStatus={setStatus}
          onSince={setSince}
          problems={problems}
          kindRef={first}
          sinceLabel={p.draft.dateFrom === 'article' ? t('clipDateArticle') : t('clipDateToday')}
          kindHint={
            p.draft.because &&
            kind === p.draft.kind && (
              <span class="muted" data-testid="clip-because">
                {t('clipBecause', { word: p.draft.because })}
              </span>
            )
          }
        />
        <label class="clip-field">
          <span>{t('clipSummary')}</span>
          <input
            class="clip-input"
            value={summary}
            name="summary"
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
        </label>
        <fieldset class="clip-field">
          <legend>{t('fieldSources')}</legend>
          <input
            class="clip-input"
            value={source.url}
            name="source.url"
            aria-label={t('fieldUrl')}
            onInput={(e) => setSource({ ...source, url: e.currentTarget.value })}
          />
          <input
            class="clip-input"
            value={source.title ?? ''}
            name="source.title"
            aria-label={t('fieldTitle')}
            placeholder={t('fieldTitle')}
            onInput={(e) => setSource({ ...source, title: e.currentTarget.value })}
          />
          <div class="clip-row">
            <input
              class="clip-input"
              value={source.publisher ?? ''}
              name="source.publisher"
              aria-label={t('fieldPublisher')}
              placeholder={t('fieldPublisher')}
              onInput={(e) => setSource({ ...source, publisher: e.currentTarget.value })}
            />
            <input
              class="clip-input"
              value={source.published ?? ''}
              name="source.published"
              aria-label={t('fieldPublished')}
              placeholder="YYYY-MM-DD"
              size={10}
              onInput={(e) => setSource({ ...source, published: e.currentTarget.value })}
            />
          </div>
          <textarea
            class="clip-input"
            rows={3}
            value={source.quote ?? ''}
            name="source.quote"
            aria-label={t('clipQuote')}
            onInput={(e) => setSource({ ...source, quote: e.currentTarget.value })}
          />
          <FieldProblems problems={problems} path="sources[0]" />
        </fieldset>
        {unplacedProblems(problems, placedPaths).map((x) => (
          <p class="field-error" role="alert" key={x}>
            {x}
          </p>
        ))}
        {duplicate && (
          <div class="clip-duplicate" role="note" data-testid="clip-duplicate">
            <p>
              {t('clipDuplicate', {
                name: included.map((m) => m.name).join(' · '),
                kind: kindLabel(duplicate.kind),
              })}
            </p>
            <button
              type="button"
              data-testid="clip-add-source"
              onClick={async () => {
                setBusy(true);
                setProblems(await p.onAddSource(duplicate.id, build().alliance.sources[0]!));
                setBusy(false);
              }}
            >
              {t('clipAddSource')}
            </button>
          </div>
        )}
        <footer class="card-foot clip-actions">
          <button type="submit" class="primary" disabled={busy} data-testid="clip-save">
            {duplicate ? t('clipSaveAnyway') : t('clipSave')}
          </button>
          <button type="button" onClick={p.onCancel}>
            {t('cancel')}
          </button>
          <span class="muted">{t('clipKeys')}</span>
        </footer>
        <p class="muted clip-shortcut" data-testid="clip-shortcut">
          {p.shortcut ? t('clipShortcut', { key: p.shortcut }) : t('clipShortcutNone')}{' '}
          <button type="button" class="link-button" onClick={p.onChangeShortcut}>
            {t('shortcutChange')}
          </button>
        </p>
      </form>
    </div>
  );
}
