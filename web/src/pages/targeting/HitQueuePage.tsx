import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { Pagination, TableFrame } from '../../components/Table.js';
import { flightDesignator } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { HitGroup, HitGroupList, HitListItem } from '../../targeting-types.js';
import { PnrText } from '../../components/PnrWithheld.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { RestrictedListNotice } from './labels.js';
import { Countdown, useNow } from './Countdown.js';
import { HIT_FILTER_DEFAULTS, HitFilters } from './HitFilters.js';
import { HitStatusBadge, NoLongerMatching } from './labels.js';
import { useHitStream } from './useHitStream.js';
import { BookedTravellers } from './BookedTravellers.js';

const PAGE_SIZE = 50;

/**
 * The hit queue, one row per subject (a traveller with a rule hit and a watchlist hit is one row):
 * open first, the soonest departure or arrival first, then severity; live.
 */
export function HitQueuePage() {
  const [query, setQuery] = useQueryState(HIT_FILTER_DEFAULTS);
  const page = Math.max(1, Number(query.page) || 1);
  const hits = useApi<HitGroupList>('/hits', {
    status: query.status === 'all' ? undefined : query.status,
    source: query.source,
    category: query.category,
    severity: query.severity,
    flight: query.flight,
    airport: query.airport,
    rule: query.rule,
    mine: query.mine === 'yes' ? 'true' : undefined,
    assignedToMe: query.assigned === 'yes' ? 'true' : undefined,
    referredToMe: query.referred === 'yes' ? 'true' : undefined,
    group: 'subject',
    page,
    pageSize: PAGE_SIZE,
  });
  const stream = useHitStream();
  const now = useNow();
  // On the first page, new hits come in at once; further on, a banner offers them.
  const { reload } = hits;
  const { changes } = stream;
  const seen = useRef(0);
  useEffect(() => {
    if (changes > seen.current && page === 1) {
      seen.current = changes;
      reload();
    }
  }, [changes, page, reload]);
  const pending = page === 1 ? 0 : changes - seen.current;
  const groups = hits.data?.groups ?? [];

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('hits.title')}</h1>
          <p className="page-lead">{t('hits.lead')}</p>
        </div>
        <div className="header-actions">
          <span
            className={`live-indicator${stream.connected ? ' live-on' : ''}`}
            data-testid="live-indicator"
            data-connected={stream.connected}
          >
            {stream.connected ? t('hits.live') : t('hits.notLive')}
          </span>
          <Link to="/rules" className="button">
            {t('nav.rules')}
          </Link>
        </div>
      </header>
      {pending > 0 && (
        <div className="banner banner-info" role="status" data-testid="new-hits">
          <div className="banner-text">{t('hits.newHits', { count: pending })}</div>
          <div className="banner-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                seen.current = changes;
                setQuery({ page: '1' });
              }}
            >
              {t('hits.showNew')}
            </button>
          </div>
        </div>
      )}
      <section className="panel">
        <HitFilters query={query} setQuery={setQuery} />
        <ErrorBanner error={hits.error} onRetry={hits.reload} />
        {hits.loading && !hits.data && <Loading />}
        {hits.data && groups.length === 0 && (
          <EmptyState title={t('hits.empty.title')} icon="inbox" testId="hits-empty">
            <p>{query.status === 'open' ? t('hits.empty.openBody') : t('hits.empty.body')}</p>
          </EmptyState>
        )}
        {groups.length > 0 && (
          <>
            <TableFrame label={t('hits.title')} busy={hits.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('hits.column.due')}</th>
                  <th scope="col">{t('hits.column.severity')}</th>
                  <th scope="col">{t('hits.column.subject')}</th>
                  <th scope="col">{t('hits.column.source')}</th>
                  <th scope="col">{t('hits.column.flight')}</th>
                  <th scope="col">{t('hits.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <HitGroupRows key={group.subjectKey} group={group} now={now} />
                ))}
              </tbody>
            </TableFrame>
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={hits.data?.total ?? 0}
              onPage={(next) => setQuery({ page: String(next) })}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** What produced the hit: the rule and its version, or the list's entry (or whom to ask). */
function HitSource({ hit }: { hit: HitListItem }) {
  return (
    <span data-testid="hit-source" className="block">
      {hit.rule ? (
        <>
          {t('hits.source.rule')}: {hit.rule.name} <span className="muted small">v{hit.rule.version}</span>
        </>
      ) : hit.watchlist && 'restricted' in hit.watchlist ? (
        <>
          {t('hits.source.watchlist')}: <RestrictedListNotice list={hit.watchlist} />
        </>
      ) : hit.watchlist ? (
        <>
          {t('hits.source.watchlist')}: {hit.watchlist.entryName}{' '}
          <span className="muted small">
            {hit.watchlist.listName}
            {hit.score !== null && ` · ${Math.round(hit.score * 100)}%`}
          </span>
        </>
      ) : null}
      {!hit.stillMatching && (
        <>
          {' '}
          <NoLongerMatching />
        </>
      )}
    </span>
  );
}

/**
 * One subject: its most urgent hit leads (severity, status, link), every source that hit it is
 * listed, and the row opens to show each hit with its own review.
 */
function HitGroupRows({ group, now }: { group: HitGroup; now: number }) {
  const [expanded, setExpanded] = useState(false);
  const lead = group.hits[0]!;
  const several = group.hits.length > 1;
  const detailsId = `hit-group-${group.subjectKey.replace(/[^a-z0-9-]/gi, '')}`;
  return (
    <>
      <tr
        data-testid="hit-row"
        data-hit-id={lead.id}
        data-subject={group.subjectKey}
        data-hits={group.hits.length}
        data-status={group.status}
        className={group.hits.some((hit) => hit.stillMatching) ? undefined : 'row-muted'}
      >
        <td>
          <Countdown dueAt={group.dueAt} inbound={group.flight?.direction === 'inbound'} now={now} />
        </td>
        <td>
          <SeverityBadge severity={group.severity} />
        </td>
        <td>
          <Link to={`/targeting/hits/${lead.id}`} className="strong-link" data-testid="hit-link">
            <PnrText value={group.subjectName} />
          </Link>
          <BookedTravellers booked={group.bookedTravellers} compact />
          <span className="muted small block">
            {group.subjectKind === 'traveller' ? t('hits.subject.traveller') : t('hits.subject.reservation')}{' '}
            · {[...new Set(group.hits.map((hit) => hit.category))].join(', ')}
          </span>
          {several && (
            <button
              type="button"
              className="link-button small block"
              aria-expanded={expanded}
              aria-controls={group.hits.map((hit) => `${detailsId}-${hit.id}`).join(' ')}
              data-testid="group-expand"
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? t('hits.group.collapse') : t('hits.group.expand')} (
              {t('hits.group.count', { count: group.hits.length })})
            </button>
          )}
        </td>
        <td>
          {group.hits.map((hit) => (
            <HitSource key={hit.id} hit={hit} />
          ))}
        </td>
        <td>
          {group.flight ? (
            <>
              <Link to={`/flights/${group.flight.id}`}>{flightDesignator(group.flight)}</Link>{' '}
              <span className="muted small">
                {group.flight.origin ?? '?'} → {group.flight.destination ?? '?'}
              </span>
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>
          <HitStatusBadge status={lead.status} outcome={lead.outcome} />
          {several && group.openHits > 0 && (
            <span className="muted small block">{t('hits.group.openCount', { count: group.openHits })}</span>
          )}
        </td>
      </tr>
      {several &&
        expanded &&
        group.hits.map((hit) => (
          <tr
            key={hit.id}
            id={`${detailsId}-${hit.id}`}
            className="hit-group-member"
            data-testid="group-hit-row"
            data-hit-id={hit.id}
          >
            <td />
            <td>
              <SeverityBadge severity={hit.severity} />
            </td>
            <td>
              <Link to={`/targeting/hits/${hit.id}`} data-testid="group-hit-link">
                {t('hits.group.openHit')}
              </Link>
            </td>
            <td>
              <HitSource hit={hit} />
            </td>
            <td />
            <td>
              <HitStatusBadge status={hit.status} outcome={hit.outcome} />
            </td>
          </tr>
        ))}
    </>
  );
}
