// What the alliance card takes, and the functions that draw the page's UI.
// The card and the clip form are Preact components in components/content/;
// utils/ only knows these types, and the content script hands the reading
// session the render functions (so utils/ never imports components/).
import type { ComponentChild } from 'preact';
import type { ClipFormProps } from '../clip/form';
import type { Lang } from '../i18n';
import type { AllianceView, CompanyView } from '../pack/merge';

export interface CardSubject {
  type: 'company' | 'alliance';
  id: string;
}

export interface AllianceCardProps {
  subject: CardSubject;
  companies: ReadonlyMap<string, CompanyView>;
  alliances: readonly AllianceView[];
  /** The subject's alliances are still on their way: say so rather than "none". */
  loading?: boolean;
  /** Alliances new since the reader last opened this company's card: marked, and listed first. */
  newIds?: ReadonlySet<string>;
  /** Companies mentioned on this page, marked in the partner lists. */
  mentioned: ReadonlySet<string>;
  lang: Lang;
  onPivot: (companyId: string) => void;
  onOpenManager: (companyId: string) => void;
  onClose: () => void;
}

export interface PageViews {
  card: (props: AllianceCardProps) => ComponentChild;
  clipForm: (props: ClipFormProps) => ComponentChild;
}
