// What the clip form takes and gives back. The form itself is page UI in
// components/content/; the clipper (utils/content) only knows these types and
// renders it through the function the content script hands it.
import type { Lang } from '../i18n';
import type { AllianceView, CompanyView } from '../pack/merge';
import type { Alliance, Company, Source } from '../pack/types';
import type { ClipDraft } from './draft';

export interface ClipSubmission {
  alliance: Alliance;
  newCompanies: Company[];
}

export interface ClipFormProps {
  draft: ClipDraft;
  companies: ReadonlyMap<string, CompanyView>;
  alliances: readonly AllianceView[];
  lang: Lang;
  /** Resolves to the problems to show; empty when saved. */
  onSave: (clip: ClipSubmission) => Promise<string[]>;
  onAddSource: (allianceId: string, source: Source) => Promise<string[]>;
  onCancel: () => void;
  /** The key the browser really bound to the clip command ('' when none). */
  shortcut: string;
  /** Opens the browser's page for changing extension shortcuts. */
  onChangeShortcut: () => void;
}
