import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { Pagination, TableFrame } from '../../components/Table.js';
import { flightDesignator } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { HitList, HitListItem } from '../../targeting-types.js';
import { PnrText } from '../../components/PnrWithheld.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { RestrictedListNotice } from './labels.js';
import { Countdown, useNow } from './Countdown.js';
import { HIT_FILTER_DEFAULTS, HitFilters } from './HitFilters.js';
import { HitStatusBadge, NoLongerMatching } from './labels.js';
import { useHitStream } from './useHitStream.js';

const PAGE_SIZE = 50;

/** The hit queue: open hits first, the soonest departure or arrival first, then severity; live. */
export function HitQueuePage() {
  const [query, setQuery] = useQueryState(HIT_FILTER_DEFAULTS);
  const page = Math.max(1, Number(query.page) || 1);
  const hits = useApi<HitList>('/hits', {
    status: query.status === 'all' ? undefined : query.status,
    source: query.source,
    category: query.category,
    severity: query.severity,
    flight: query.flight,
    airport: query.airport,
    rule: query.rule,
    mine: query.mine === 'yes' ? 'true' : undefined,
    assignedToMe: query.assigned === 'yes' ? 'true' : undefined,
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
  const items = hits.data?.items ?? [];

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
        {hits.data && items.length === 0 && (
          <EmptyState title={t('hits.empty.title')} icon="inbox" testId="hits-empty">
            <p>{query.status === 'open' ? t('hits.empty.openBody') : t('hits.empty.body')}</p>
          </EmptyState>
        )}
        {items.length > 0 && (
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
                {items.map((hit) => (
                  <HitRow key={hit.id} hit={hit} now={now} />
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

function HitRow({ hit, now }: { hit: HitListItem; now: number }) {
  return (
    <tr
      data-testid="hit-row"
      data-hit-id={hit.id}
      data-status={hit.status}
      className={hit.stillMatching ? undefined : 'row-muted'}
    >
      <td>
        <Countdown dueAt={hit.dueAt} inbound={hit.flight?.direction === 'inbound'} now={now} />
      </td>
      <td>
        <SeverityBadge severity={hit.severity} />
      </td>
      <td>
        <Link to={`/targeting/hits/${hit.id}`} className="strong-link" data-testid="hit-link">
          <PnrText value={hit.subjectName} />
        </Link>
        <span className="muted small block">
          {hit.subjectKind === 'traveller' ? t('hits.subject.traveller') : t('hits.subject.reservation')} ·{' '}
          {hit.category}
        </span>
      </td>
      <td>
        {hit.rule ? (
          <span data-testid="hit-source">
            {t('hits.source.rule')}: {hit.rule.name} <span className="muted small">v{hit.rule.version}</span>
          </span>
        ) : hit.watchlist && 'restricted' in hit.watchlist ? (
          <span data-testid="hit-source">
            {t('hits.source.watchlist')}: <RestrictedListNotice list={hit.watchlist} />
          </span>
        ) : hit.watchlist ? (
          <span data-testid="hit-source">
            {t('hits.source.watchlist')}: {hit.watchlist.entryName}{' '}
            <span className="muted small">
              {hit.watchlist.listName}
              {hit.score !== null && ` · ${Math.round(hit.score * 100)}%`}
            </span>
          </span>
        ) : null}
        {!hit.stillMatching && (
          <>
            {' '}
            <NoLongerMatching />
          </>
        )}
      </td>
      <td>
        {hit.flight ? (
          <>
            <Link to={`/flights/${hit.flight.id}`}>{flightDesignator(hit.flight)}</Link>{' '}
            <span className="muted small">
              {hit.flight.origin ?? '?'} → {hit.flight.destination ?? '?'}
            </span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <HitStatusBadge status={hit.status} outcome={hit.outcome} />
      </td>
    </tr>
  );
}
