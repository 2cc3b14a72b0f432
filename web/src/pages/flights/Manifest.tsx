import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/Feedback.js';
import { CountryCode } from '../../components/Jurisdiction.js';
import { CountBadge } from '../../components/StatusBadge.js';
import { SelectFilter, TextFilter } from '../../components/Filters.js';
import { FilterBar, SortHeader, TableFrame, parseSort } from '../../components/Table.js';
import { formatDate, formatNumber, fullName } from '../../format.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import type { TravellerSummary } from '../../types.js';
import { HitCountBadge } from '../targeting/RecordHits.js';

type RoleFilter = 'all' | 'passenger' | 'crew';

/** Columns that sort, with the value each compares. */
const SORT_VALUES: Record<string, (traveller: TravellerSummary) => string | number> = {
  name: (traveller) => fullName(traveller).toLocaleUpperCase(),
  role: (traveller) => traveller.role,
  sex: (traveller) => traveller.sex ?? '',
  dateOfBirth: (traveller) => traveller.dateOfBirth ?? '',
  nationality: (traveller) => traveller.nationality ?? '',
  document: (traveller) => traveller.documentNumber ?? '',
  route: (traveller) => `${traveller.embarkation ?? ''}-${traveller.debarkation ?? ''}`,
  seat: (traveller) => traveller.seat ?? '',
  warnings: (traveller) => traveller.warningCount,
};

/** Case- and accent-free forms, so "djordjevic" and "dordevic" both find "Đorđević" and "DJORDJEVIC". */
function folds(text: string): string[] {
  const bare = text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase();
  return bare.includes('đ') ? [bare.replace(/đ/g, 'dj'), bare.replace(/đ/g, 'd')] : [bare];
}

function textMatches(haystack: string, needle: string): boolean {
  const haystacks = folds(haystack);
  return folds(needle).some((form) => haystacks.some((candidate) => candidate.includes(form)));
}

export function matchesRole(role: string, filter: RoleFilter): boolean {
  if (filter === 'all') return true;
  return role === filter || role.startsWith(`${filter}-`);
}

/** The travellers of a flight: sortable by any column, filterable by text and role. */
export function Manifest({ travellers }: { travellers: TravellerSummary[] }) {
  const [text, setText] = useState('');
  const [role, setRole] = useState<RoleFilter>('all');
  const [sort, setSort] = useState('name');

  const rows = useMemo(() => {
    const needle = text.trim();
    const filtered = travellers.filter((traveller) => {
      if (!matchesRole(traveller.role, role)) return false;
      if (!needle) return true;
      const haystack = [
        fullName(traveller),
        traveller.givenNames ? `${traveller.givenNames} ${traveller.surname}` : '',
        traveller.documentNumber ?? '',
        traveller.nationality ?? '',
      ].join(' ');
      return textMatches(haystack, needle);
    });
    const { key, descending } = parseSort(sort);
    const value = SORT_VALUES[key] ?? SORT_VALUES.name;
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    return [...filtered].sort((a, b) => {
      const left = value(a);
      const right = value(b);
      const order =
        typeof left === 'number' && typeof right === 'number'
          ? left - right
          : collator.compare(String(left), String(right));
      return descending ? -order : order;
    });
  }, [travellers, text, role, sort]);

  const header = (label: CatalogueKey, key: string, numeric = false) => (
    <SortHeader
      label={t(label)}
      sortKey={key}
      sort={sort}
      onSort={setSort}
      className={numeric ? 'numeric' : undefined}
    />
  );

  return (
    <>
      <FilterBar label={t('manifest.filters')}>
        <TextFilter
          id="manifest-text"
          label={t('manifest.filter.text')}
          type="search"
          grow
          value={text}
          placeholder={t('manifest.filter.textPlaceholder')}
          onChange={setText}
        />
        <SelectFilter
          id="manifest-role"
          label={t('manifest.filter.role')}
          value={role}
          first={[{ value: 'all', label: t('common.all') }]}
          options={[
            { value: 'passenger', label: t('manifest.role.passengers') },
            { value: 'crew', label: t('manifest.role.crew') },
          ]}
          onChange={(value) => setRole(value as RoleFilter)}
        />
        <span className="filter-count" role="status" data-testid="manifest-count">
          {t('manifest.count', { shown: formatNumber(rows.length), count: travellers.length })}
        </span>
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState
          title={travellers.length === 0 ? t('manifest.empty.title') : t('manifest.empty.filteredTitle')}
          icon="search"
        >
          <p>{travellers.length === 0 ? t('manifest.empty.body') : t('manifest.empty.filteredBody')}</p>
        </EmptyState>
      ) : (
        <TableFrame label={t('manifest.title')}>
          <thead>
            <tr>
              {header('manifest.column.name', 'name')}
              {header('manifest.column.role', 'role')}
              {header('manifest.column.sex', 'sex')}
              {header('manifest.column.dateOfBirth', 'dateOfBirth')}
              {header('manifest.column.nationality', 'nationality')}
              {header('manifest.column.document', 'document')}
              {header('manifest.column.route', 'route')}
              {header('manifest.column.seat', 'seat')}
              {header('manifest.column.warnings', 'warnings', true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((traveller) => (
              <tr key={traveller.id} data-testid="manifest-row" data-role={traveller.role}>
                <td>
                  <Link to={`/travellers/${traveller.id}`}>{fullName(traveller)}</Link>{' '}
                  <HitCountBadge counts={traveller} />
                </td>
                <td>{roleLabel(traveller.role)}</td>
                <td>{traveller.sex ?? '—'}</td>
                <td className="nowrap">{formatDate(traveller.dateOfBirth)}</td>
                <td>
                  <CountryCode code={traveller.nationality} />
                </td>
                <td className="nowrap">
                  {traveller.documentNumber ?? '—'}
                  {traveller.documentType && <span className="muted"> ({traveller.documentType})</span>}
                </td>
                <td className="nowrap">
                  {traveller.embarkation ?? '—'} → {traveller.debarkation ?? '—'}
                </td>
                <td>{traveller.seat ?? '—'}</td>
                <td className="numeric">
                  <CountBadge
                    count={traveller.warningCount}
                    tone="warning"
                    label={t('manifest.column.warnings')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </>
  );
}

export function roleLabel(role: string): string {
  const key = `role.${role}` as CatalogueKey;
  const label = t(key);
  return label === key ? role : label;
}
