import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n/index.js';
import { formatNumber } from '../format.js';

/**
 * A sort is a key with an optional leading "-" for descending order ("-receivedAt"), the form
 * the API takes in `sort=`.
 */
export function parseSort(sort: string): { key: string; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1), descending: true } : { key: sort, descending: false };
}

/** A column header that sorts by its key; a second click reverses the order. */
export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  firstDescending = false,
  className,
}: {
  label: string;
  sortKey: string;
  sort: string;
  onSort: (sort: string) => void;
  /** Start with the newest/largest first on the first click (dates, counts). */
  firstDescending?: boolean;
  className?: string;
}) {
  const current = parseSort(sort);
  const active = current.key === sortKey;
  const ariaSort = active ? (current.descending ? 'descending' : 'ascending') : 'none';
  const next = active
    ? current.descending
      ? sortKey
      : `-${sortKey}`
    : firstDescending
      ? `-${sortKey}`
      : sortKey;
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button
        type="button"
        className={`sort-button${active ? ' sort-active' : ''}`}
        onClick={() => onSort(next)}
        title={t('table.sortBy', { column: label })}
      >
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (current.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t('table.pagination')} data-testid="pagination">
      <span className="pagination-info">
        {t('table.showing', {
          first: formatNumber(first),
          last: formatNumber(last),
          total: formatNumber(total),
        })}
      </span>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-small"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t('table.previous')}
        </button>
        <span className="pagination-page" aria-current="page">
          {t('table.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t('table.next')}
        </button>
      </div>
    </nav>
  );
}

/**
 * A table in a horizontally scrolling frame, dimmed while a new page loads. On a phone each row
 * becomes a card of "column: value" lines (tables.css), the column names taken from the header.
 */
export function TableFrame({
  children,
  busy,
  label,
}: {
  children: ReactNode;
  busy?: boolean;
  label: string;
}) {
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    labelCellsByColumn(element);
    // Rows come and go as pages load and rows open: each new cell gets its label too.
    const observer = new MutationObserver(() => labelCellsByColumn(element));
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div className={`table-frame table-stacks${busy ? ' table-busy' : ''}`} aria-busy={busy || undefined}>
      <table ref={table} className="table" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

/** Sets each body cell's `data-label` to its column's heading (without sort arrows and other decoration). */
function labelCellsByColumn(table: HTMLTableElement): void {
  const headings = [...(table.tHead?.rows[0]?.cells ?? [])].flatMap((heading) =>
    Array<string>(heading.colSpan).fill(visibleText(heading)),
  );
  for (const body of table.tBodies)
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        // A cell across several columns (a detail row) is shown whole, without a label.
        const label = cell.colSpan === 1 ? (headings[column] ?? '') : '';
        if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
        column += cell.colSpan;
      }
    }
}

function visibleText(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/** Filter bar: a form of labelled fields laid out in a row. */
export function FilterBar({
  children,
  label,
  onSubmit,
}: {
  children: ReactNode;
  label: string;
  onSubmit?: () => void;
}) {
  return (
    <form
      className="filter-bar"
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      {children}
    </form>
  );
}
