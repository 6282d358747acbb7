// The card shown for a mention: who the company is and whom it is allied with.
// Everything here comes from data that may be hostile: it is rendered as text,
// and only http(s) links become links.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AllianceCardProps } from '../../utils/card/views';
import type { Lang } from '../../utils/i18n';
import { formatPartialDate, kindLabel, t } from '../../utils/i18n';
import { type AllianceView, allianceName, companyLabel } from '../../utils/pack/merge';
import { isHttpUrl } from '../../utils/pack/schema';
import { ALLIANCE_KINDS, type AllianceKind } from '../../utils/pack/types';

function dateRange(a: AllianceView, lang: Lang): string {
  const since = formatPartialDate(a.since, lang);
  const until = formatPartialDate(a.until, lang);
  if (since && until) return `${since} – ${until}`;
  if (since) return t('cardSince', { date: since });
  if (until) return t('cardUntil', { date: until });
  return '';
}

function Partner(props: { id: string; p: AllianceCardProps }) {
  const { id, p } = props;
  const mentioned = p.mentioned.has(id);
  return (
    <button
      type="button"
      class={mentioned ? 'partner mentioned' : 'partner'}
      onClick={() => p.onPivot(id)}
      title={mentioned ? t('cardMentionedHere') : undefined}
    >
      {companyLabel(p.companies.get(id), id, p.lang)}
      {mentioned && <span class="dot" aria-hidden="true" />}
      {mentioned && <span class="sr-only"> ({t('cardMentionedHere')})</span>}
    </button>
  );
}

function AllianceItem({
  a,
  p,
  open = false,
}: {
  a: AllianceView;
  p: AllianceCardProps;
  open?: boolean;
}) {
  const [expanded, setExpanded] = useState(open);
  const name = open ? null : (allianceName(a, p.lang) ?? null);
  const partners = a.members.map((m) => m.company).filter((id) => id !== p.subject.id);
  const many = name !== null && partners.length > 4;
  const summary =
    (p.lang === 'ko' ? a.summary?.ko : a.summary?.en) ?? a.summary?.en ?? a.summary?.ko;
  const dates = dateRange(a, p.lang);
  const isNew = p.newIds?.has(a.id) ?? false;
  return (
    <li class={isNew ? 'alliance new' : 'alliance'} data-alliance={a.id}>
      <div class="alliance-head">
        {isNew && (
          <span class="new-mark" data-testid="new-mark" title={t('cardNewTitle')}>
            {t('cardNew')}
          </span>
        )}
        {name ? (
          <strong class="alliance-name">
            {name} <span class="count">{t('cardMembers', { count: a.members.length })}</span>
          </strong>
        ) : null}
        {(!many || expanded) && (
          <span class="partners">
            {partners.map((id) => (
              <Partner key={id} id={id} p={p} />
            ))}
          </span>
        )}
        {many && (
          <button
            type="button"
            class="link"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? t('cardHideMembers') : t('cardShowMembers', { count: partners.length })}
          </button>
        )}
      </div>
      <div class="meta">
        {dates && <span>{dates}</span>}
        <span class={`status status-${a.status}`}>{t(`status_${a.status}`)}</span>
      </div>
      {summary && <p class="summary">{summary}</p>}
      {a.sources.length > 0 && (
        <ul class="sources">
          {a.sources.map((s) => {
            const host = hostOf(s.url).replace(/^www\./, '');
            const label = s.publisher || s.title || host;
            return (
              <li key={s.url}>
                {isHttpUrl(s.url) ? (
                  <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.title}>
                    {label}
                  </a>
                ) : (
                  <span>{label}</span>
                )}
                {/* The link's real host, whatever the publisher field claims. */}
                {label !== host && (
                  <span class="muted source-host" data-testid="source-host">
                    {' '}
                    ({host})
                  </span>
                )}
                {s.published && (
                  <span class="muted"> · {formatPartialDate(s.published, p.lang)}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 40);
  }
}

function CardFrame(props: {
  p: AllianceCardProps;
  title: string;
  subtitle: string;
  manageId: string | null;
  children: ComponentChildren;
}) {
  const { p } = props;
  const titleId = `al-card-title-${p.subject.type}-${p.subject.id}`;
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={titleId}
      data-company={p.subject.type === 'company' ? p.subject.id : undefined}
      data-alliance={p.subject.type === 'alliance' ? p.subject.id : undefined}
    >
      <header class="card-head">
        <div>
          <h2 id={titleId} class="title">
            {props.title}
          </h2>
          {props.subtitle && props.subtitle !== props.title && (
            <div class="subtitle">{props.subtitle}</div>
          )}
        </div>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={p.onClose}>
          ×
        </button>
      </header>
      {props.children}
      {props.manageId && (
        <footer class="card-foot">
          <button
            type="button"
            class="link"
            aria-keyshortcuts="M"
            onClick={() => p.onOpenManager(props.manageId!)}
          >
            {t('cardOpenManager')} <kbd>M</kbd>
          </button>
        </footer>
      )}
    </div>
  );
}

function Empty({ loading }: { loading?: boolean }) {
  return loading ? (
    <p class="empty" aria-busy="true" data-testid="card-loading">
      {t('cardLoading')}
    </p>
  ) : (
    <p class="empty">{t('cardNoAlliances')}</p>
  );
}

/** A named alliance found in the text (AI Alliance, GTAA): its members and record. */
function NamedAllianceCard(p: AllianceCardProps) {
  const a = p.alliances.find((x) => x.id === p.subject.id);
  if (!a) {
    return (
      <CardFrame p={p} title={p.subject.id} subtitle="" manageId={null}>
        <Empty loading={p.loading} />
      </CardFrame>
    );
  }
  const title = allianceName(a, p.lang) ?? a.id;
  const other = p.lang === 'ko' ? a.name?.en : a.name?.ko;
  return (
    <CardFrame p={p} title={title} subtitle={other ?? kindLabel(a.kind)} manageId={null}>
      <div class="kind">
        {kindLabel(a.kind)} · {t('cardMembers', { count: a.members.length })}
      </div>
      <ul>
        <AllianceItem a={a} p={p} open />
      </ul>
    </CardFrame>
  );
}

export function AllianceCard(p: AllianceCardProps) {
  if (p.subject.type === 'alliance') return <NamedAllianceCard {...p} />;
  const companyId = p.subject.id;
  const company = p.companies.get(companyId);
  const primary = companyLabel(company, companyId, p.lang);
  const secondary = company ? (p.lang === 'ko' ? company.names.en : company.names.ko) : '';
  const isNew = (a: AllianceView) => (p.newIds?.has(a.id) ? 0 : 1);
  const groups = new Map<AllianceKind, AllianceView[]>();
  for (const a of p.alliances) {
    if (!a.members.some((m) => m.company === companyId)) continue;
    const g = groups.get(a.kind);
    if (g) g.push(a);
    else groups.set(a.kind, [a]);
  }
  const newCount = [...groups.values()].flat().filter((a) => isNew(a) === 0).length;
  return (
    <CardFrame p={p} title={primary} subtitle={secondary} manageId={companyId}>
      {newCount > 0 && (
        <p class="new-line" data-testid="new-count">
          {t('cardNewCount', { count: newCount })}
        </p>
      )}
      {groups.size === 0 ? (
        <Empty loading={p.loading} />
      ) : (
        // What arrived since the reader last looked comes first: its kinds, then within each kind.
        ALLIANCE_KINDS.filter((k) => groups.has(k))
          .sort(
            (a, b) =>
              Math.min(...groups.get(a)!.map(isNew)) - Math.min(...groups.get(b)!.map(isNew)),
          )
          .map((kind) => (
            <section key={kind} class="group" aria-label={kindLabel(kind)}>
              <h3 class={`kind kind-${kind}`}>{kindLabel(kind)}</h3>
              <ul>
                {groups
                  .get(kind)!
                  .sort(
                    (a, b) => isNew(a) - isNew(b) || (b.since ?? '').localeCompare(a.since ?? ''),
                  )
                  .map((a) => (
                    <AllianceItem key={a.id} a={a} p={p} />
                  ))}
              </ul>
            </section>
          ))
      )}
    </CardFrame>
  );
}
