// Edits one alliance: kind, name, members with autocomplete and roles, dates,
// status, summaries and sources. Checked by the same schema as packs; each
// problem shows beside its field.
import { useState } from 'preact/hooks';
import { type Lang, t } from '../../utils/i18n';
import { type AllianceView, type CompanyView, companyLabel } from '../../utils/pack/merge';
import type { Alliance, AllianceKind, AllianceStatus, Source } from '../../utils/pack/types';
import { AllianceFields } from '../AllianceFields';
import { FieldProblems } from '../FieldProblems';
import { CompanyDatalist } from './CompanyDatalist';
import { EditorActions, OverrideNote } from './EditorActions';

export interface AllianceEditorProps {
  alliance: AllianceView | null;
  companies: readonly CompanyView[];
  companiesById: ReadonlyMap<string, CompanyView>;
  lang: Lang;
  /** "Saved" and where the change went, after a save. */
  saved: string | null;
  onSave: (alliance: Alliance) => Promise<string[]>;
  onDelete?: () => void;
  onRevert?: () => void;
  onClose: () => void;
}

interface MemberRow {
  company: string;
  role: string;
}

/** A readable id for a new alliance, from its members and kind. */
export function suggestAllianceId(members: readonly MemberRow[], kind: string): string {
  const parts = members
    .map((m) => m.company)
    .filter(Boolean)
    .slice(0, 3);
  return [...parts, kind]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export function AllianceEditor(p: AllianceEditorProps) {
  const a = p.alliance;
  const [kind, setKind] = useState<AllianceKind>(a?.kind ?? 'partnership');
  const [nameKo, setNameKo] = useState(a?.name?.ko ?? '');
  const [nameEn, setNameEn] = useState(a?.name?.en ?? '');
  const [members, setMembers] = useState<MemberRow[]>(
    a?.members.map((m) => ({ company: m.company, role: m.role ?? '' })) ?? [
      { company: '', role: '' },
      { company: '', role: '' },
    ],
  );
  const [since, setSince] = useState(a?.since ?? '');
  const [until, setUntil] = useState(a?.until ?? '');
  const [status, setStatus] = useState<AllianceStatus>(a?.status ?? 'active');
  const [summaryKo, setSummaryKo] = useState(a?.summary?.ko ?? '');
  const [summaryEn, setSummaryEn] = useState(a?.summary?.en ?? '');
  const [sources, setSources] = useState<Source[]>(a?.sources ?? [{ url: '' }]);
  const [problems, setProblems] = useState<string[]>([]);
  const listId = 'company-options';

  const setMember = (i: number, patch: Partial<MemberRow>) =>
    setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const setSource = (i: number, patch: Partial<Source>) =>
    setSources(sources.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const save = async (e: Event) => {
    e.preventDefault();
    const clean = (s: string) => s.trim();
    const alliance: Alliance = {
      id: a?.id ?? suggestAllianceId(members, kind),
      kind,
      name:
        clean(nameKo) || clean(nameEn)
          ? {
              ...(clean(nameEn) ? { en: clean(nameEn) } : {}),
              ...(clean(nameKo) ? { ko: clean(nameKo) } : {}),
            }
          : null,
      members: members
        .filter((m) => m.company.trim())
        .map((m) =>
          m.role.trim()
            ? { company: m.company.trim(), role: m.role.trim() }
            : { company: m.company.trim() },
        ),
      since: clean(since) || null,
      until: clean(until) || null,
      status,
      sources: sources
        .filter((s) => s.url.trim())
        .map(
          (s) =>
            Object.fromEntries(
              Object.entries(s).filter(([, v]) => typeof v === 'string' && v.trim()),
            ) as unknown as Source,
        ),
    };
    if (a?.aliases) alliance.aliases = a.aliases;
    if (clean(summaryKo) || clean(summaryEn)) {
      alliance.summary = {
        ...(clean(summaryEn) ? { en: clean(summaryEn) } : {}),
        ...(clean(summaryKo) ? { ko: clean(summaryKo) } : {}),
      };
    }
    const result = await p.onSave(alliance);
    setProblems(result);
  };

  return (
    <form
      class="editor"
      aria-labelledby="alliance-editor-title"
      onSubmit={save}
      data-testid="alliance-editor"
    >
      <h2 id="alliance-editor-title">{a ? t('editAlliance') : t('newAlliance')}</h2>
      {a?.overridden && <OverrideNote onRevert={p.onRevert} />}
      <CompanyDatalist id={listId} companies={p.companies} lang={p.lang} />
      <AllianceFields
        classes={{ row: 'row', field: 'field' }}
        kind={kind}
        status={status}
        since={since}
        until={until}
        onKind={setKind}
        onStatus={setStatus}
        onSince={setSince}
        onUntil={setUntil}
        problems={problems}
      />
      <div class="row">
        <label class="field">
          <span>{t('fieldAllianceNameKo')}</span>
          <input value={nameKo} name="name.ko" onInput={(e) => setNameKo(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('fieldAllianceNameEn')}</span>
          <input value={nameEn} name="name.en" onInput={(e) => setNameEn(e.currentTarget.value)} />
        </label>
      </div>
      <FieldProblems problems={problems} path="name" />
      <fieldset class="field">
        <legend>{t('fieldMembers')}</legend>
        {members.map((m, i) => (
          <div class="row" key={i}>
            <label class="field">
              <span>
                {t('fieldCompany')}{' '}
                {m.company &&
                  `· ${companyLabel(p.companiesById.get(m.company), m.company, p.lang)}`}
              </span>
              <input
                list={listId}
                value={m.company}
                name={`members[${i}].company`}
                onInput={(e) => setMember(i, { company: e.currentTarget.value })}
              />
              <FieldProblems problems={problems} path={`members[${i}]`} />
            </label>
            <label class="field">
              <span>{t('fieldRole')}</span>
              <input
                value={m.role}
                name={`members[${i}].role`}
                placeholder="investor"
                onInput={(e) => setMember(i, { role: e.currentTarget.value })}
              />
            </label>
            <button
              type="button"
              aria-label={t('removeMember', { n: i + 1 })}
              onClick={() => setMembers(members.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <FieldProblems problems={problems} path="members" />
        <button type="button" onClick={() => setMembers([...members, { company: '', role: '' }])}>
          {t('addMember')}
        </button>
      </fieldset>
      <label class="field">
        <span>{t('fieldSummaryKo')}</span>
        <textarea
          value={summaryKo}
          name="summary.ko"
          rows={2}
          onInput={(e) => setSummaryKo(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('fieldSummaryEn')}</span>
        <textarea
          value={summaryEn}
          name="summary.en"
          rows={2}
          onInput={(e) => setSummaryEn(e.currentTarget.value)}
        />
      </label>
      <FieldProblems problems={problems} path="summary" />
      <fieldset class="field">
        <legend>{t('fieldSources')}</legend>
        {sources.map((s, i) => (
          <div key={i}>
            <div class="row">
              <label class="field">
                <span>{t('fieldUrl')}</span>
                <input
                  value={s.url}
                  name={`sources[${i}].url`}
                  type="url"
                  onInput={(e) => setSource(i, { url: e.currentTarget.value })}
                />
              </label>
              <label class="field">
                <span>{t('fieldPublished')}</span>
                <input
                  value={s.published ?? ''}
                  name={`sources[${i}].published`}
                  onInput={(e) => setSource(i, { published: e.currentTarget.value })}
                />
              </label>
            </div>
            <div class="row">
              <label class="field">
                <span>{t('fieldTitle')}</span>
                <input
                  value={s.title ?? ''}
                  name={`sources[${i}].title`}
                  onInput={(e) => setSource(i, { title: e.currentTarget.value })}
                />
              </label>
              <label class="field">
                <span>{t('fieldPublisher')}</span>
                <input
                  value={s.publisher ?? ''}
                  name={`sources[${i}].publisher`}
                  onInput={(e) => setSource(i, { publisher: e.currentTarget.value })}
                />
              </label>
              <button
                type="button"
                aria-label={t('removeSource', { n: i + 1 })}
                onClick={() => setSources(sources.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            <FieldProblems problems={problems} path={`sources[${i}]`} />
          </div>
        ))}
        <button type="button" onClick={() => setSources([...sources, { url: '' }])}>
          {t('addSource')}
        </button>
      </fieldset>
      <FieldProblems problems={problems} path="id" />
      <EditorActions saved={p.saved} onDelete={p.onDelete} onClose={p.onClose} />
    </form>
  );
}
