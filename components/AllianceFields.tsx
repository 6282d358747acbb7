// The kind, status and date fields of an alliance, shared by the clip form on
// the article and the manager's editor, so both offer the same choices with
// the same names and show a date's problem beside it.
import type { ComponentChild, Ref } from 'preact';
import { t } from '../utils/i18n';
import type { AllianceKind, AllianceStatus } from '../utils/pack/types';
import { KindOptions, StatusOptions } from './AllianceOptions';
import { FieldProblems } from './FieldProblems';

export interface AllianceFieldsProps {
  kind: AllianceKind;
  status: AllianceStatus;
  since: string;
  /** Left out (no field) when undefined: a clip is never ended. */
  until?: string;
  onKind: (kind: AllianceKind) => void;
  onStatus: (status: AllianceStatus) => void;
  onSince: (since: string) => void;
  onUntil?: (until: string) => void;
  problems: readonly string[];
  /** The date's label, when it says where the date came from. */
  sinceLabel?: string;
  /** Shown under the kind (why the clip form suggested it). */
  kindHint?: ComponentChild;
  kindRef?: Ref<HTMLSelectElement>;
  /** Class names of the surrounding UI (the page's shadow root or the manager). */
  classes: { row: string; field: string; input?: string };
}

export function AllianceFields(p: AllianceFieldsProps) {
  const c = p.classes;
  return (
    <div class={c.row}>
      <label class={c.field}>
        <span>{t('fieldKind')}</span>
        <select
          ref={p.kindRef}
          value={p.kind}
          name="kind"
          onChange={(e) => p.onKind(e.currentTarget.value as AllianceKind)}
        >
          <KindOptions />
        </select>
        {p.kindHint}
      </label>
      <label class={c.field}>
        <span>{t('fieldStatus')}</span>
        <select
          value={p.status}
          name="status"
          onChange={(e) => p.onStatus(e.currentTarget.value as AllianceStatus)}
        >
          <StatusOptions />
        </select>
      </label>
      <label class={c.field}>
        <span>{p.sinceLabel ?? t('fieldSince')}</span>
        <input
          class={c.input}
          value={p.since}
          name="since"
          size={10}
          placeholder="2024-06"
          onInput={(e) => p.onSince(e.currentTarget.value)}
        />
        <FieldProblems problems={p.problems} path="since" />
      </label>
      {p.until !== undefined && (
        <label class={c.field}>
          <span>{t('fieldUntil')}</span>
          <input
            class={c.input}
            value={p.until}
            name="until"
            size={10}
            onInput={(e) => p.onUntil?.(e.currentTarget.value)}
          />
          <FieldProblems problems={p.problems} path="until" />
        </label>
      )}
    </div>
  );
}
