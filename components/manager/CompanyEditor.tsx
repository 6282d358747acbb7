// Edits one company: names, aliases with a live preview through the real
// matcher, homepage, Wikidata id. Saving a pack's company saves the user's override.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { aliasConflicts } from '../../utils/manager/filter';
import { buildMatcher } from '../../utils/matcher';
import type { CompanyView } from '../../utils/pack/merge';
import type { Company } from '../../utils/pack/types';
import { FieldProblems } from '../FieldProblems';
import { EditorActions, OverrideNote } from './EditorActions';

export interface CompanyEditorProps {
  company: CompanyView | null;
  companies: readonly CompanyView[];
  /** Resolves to the problems to show (empty when saved). */
  /** "Saved" and where the change went, after a save. */
  saved: string | null;
  onSave: (company: Company) => Promise<string[]>;
  onDelete?: () => void;
  onRevert?: () => void;
  onClose: () => void;
}

/** The sample sentence split into plain and matched parts, by the real matcher. */
function previewParts(sample: string, aliases: string[], id: string) {
  const matcher = buildMatcher(
    aliases.filter(Boolean).map((alias) => ({ alias, type: 'company' as const, id })),
  );
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const m of matcher.findMentions(sample)) {
    if (m.start > at) parts.push({ text: sample.slice(at, m.start), hit: false });
    parts.push({ text: sample.slice(m.start, m.end), hit: true });
    at = m.end;
  }
  if (at < sample.length) parts.push({ text: sample.slice(at), hit: false });
  return parts;
}

export function CompanyEditor(p: CompanyEditorProps) {
  const c = p.company;
  const [id, setId] = useState(c?.id ?? '');
  const [ko, setKo] = useState(c?.names.ko ?? '');
  const [en, setEn] = useState(c?.names.en ?? '');
  const [aliases, setAliases] = useState<string[]>(c?.aliases ?? []);
  const [newAlias, setNewAlias] = useState('');
  const [homepage, setHomepage] = useState(c?.homepage ?? '');
  const [wikidata, setWikidata] = useState(c?.wikidata ?? '');
  const [sample, setSample] = useState(
    `${c?.names.ko ?? '오픈AI'}와 ${c?.names.en ?? 'OpenAI'}가 손잡았다. ${c?.names.ko ?? '오픈AI'}리케이션은 아니다.`,
  );
  const [problems, setProblems] = useState<string[]>([]);

  const allAliases = [...new Set([en, ko, ...aliases].map((a) => a.trim()).filter(Boolean))];
  const parts = useMemo(
    () => previewParts(sample, allAliases, id || 'new'),
    [sample, allAliases.join('\u0000'), id],
  );
  const conflicts = useMemo(
    () => aliasConflicts(allAliases, id, p.companies),
    [allAliases.join('\u0000'), id, p.companies],
  );
  const overridden = c ? c.origins.includes('user') && c.origins.length > 1 : false;

  const addAlias = () => {
    const a = newAlias.trim();
    if (a && !aliases.includes(a)) setAliases([...aliases, a]);
    setNewAlias('');
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const company: Company = {
      id: id.trim(),
      names: { en: en.trim(), ko: ko.trim() },
      aliases: allAliases,
    };
    if (homepage.trim()) company.homepage = homepage.trim();
    if (wikidata.trim()) company.wikidata = wikidata.trim();
    const result = await p.onSave(company);
    setProblems(result);
  };

  return (
    <form
      class="editor"
      aria-labelledby="company-editor-title"
      onSubmit={save}
      data-testid="company-editor"
    >
      <h2 id="company-editor-title">{c ? t('editCompany') : t('newCompany')}</h2>
      {overridden && <OverrideNote onRevert={p.onRevert} />}
      <label class="field">
        <span>{t('fieldId')}</span>
        <input
          value={id}
          disabled={!!c}
          onInput={(e) => setId(e.currentTarget.value)}
          name="id"
          required
        />
        <FieldProblems problems={problems} path="id" />
      </label>
      <div class="row">
        <label class="field">
          <span>{t('fieldNameKo')}</span>
          <input
            value={ko}
            onInput={(e) => setKo(e.currentTarget.value)}
            name="names.ko"
            lang="ko"
          />
          <FieldProblems problems={problems} path="names.ko" />
        </label>
        <label class="field">
          <span>{t('fieldNameEn')}</span>
          <input
            value={en}
            onInput={(e) => setEn(e.currentTarget.value)}
            name="names.en"
            lang="en"
          />
          <FieldProblems problems={problems} path="names.en" />
        </label>
      </div>
      <fieldset class="field">
        <legend>{t('fieldAliases')}</legend>
        <div class="chips">
          {aliases.map((a) => (
            <span class="chip" key={a}>
              {a}
              <button
                type="button"
                aria-label={t('removeAlias', { alias: a })}
                onClick={() => setAliases(aliases.filter((x) => x !== a))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
        <div class="row">
          <input
            value={newAlias}
            aria-label={t('addAlias')}
            placeholder={t('addAlias')}
            name="new-alias"
            onInput={(e) => setNewAlias(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addAlias();
              }
            }}
          />
          <button type="button" onClick={addAlias}>
            {t('add')}
          </button>
        </div>
        <FieldProblems problems={problems} path="aliases" />
        {conflicts.map((x) => (
          <p class="warning" key={`${x.alias}-${x.companyId}`} data-testid="alias-conflict">
            {t('aliasConflict', { alias: x.alias, company: x.companyId })}
          </p>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('previewSample')}</span>
        <input value={sample} onInput={(e) => setSample(e.currentTarget.value)} name="sample" />
      </label>
      <p class="preview" aria-live="polite" data-testid="alias-preview">
        {parts.map((part, i) =>
          part.hit ? (
            <mark class="hit" key={i}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <div class="row">
        <label class="field">
          <span>{t('fieldHomepage')}</span>
          <input
            value={homepage}
            onInput={(e) => setHomepage(e.currentTarget.value)}
            name="homepage"
            type="url"
          />
          <FieldProblems problems={problems} path="homepage" />
        </label>
        <label class="field">
          <span>{t('fieldWikidata')}</span>
          <input
            value={wikidata}
            onInput={(e) => setWikidata(e.currentTarget.value)}
            name="wikidata"
            placeholder="Q95"
          />
          <FieldProblems problems={problems} path="wikidata" />
        </label>
      </div>
      <EditorActions saved={p.saved} onDelete={p.onDelete} onClose={p.onClose} />
    </form>
  );
}
