import { useMemo, useState, type ReactNode } from 'react';
import { itemsOf } from '../../api.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { JurisdictionName } from '../../components/Jurisdiction.js';
import { TableFrame } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { t, type CatalogueKey } from '../../i18n/index.js';

type Kind = 'jurisdictions' | 'agencies' | 'locations' | 'units';
const KINDS: Kind[] = ['jurisdictions', 'agencies', 'locations', 'units'];

interface Column {
  label: CatalogueKey;
  render: (item: Row, names: JurisdictionNames) => ReactNode;
}

/** Jurisdiction names by code, so records that carry only a code show the name. */
type JurisdictionNames = Map<string, string>;

/** A reference record as the server sends it; field names may be camelCase or snake_case. */
type Row = Record<string, unknown>;

function field(item: Row, ...names: string[]): string {
  for (const name of names) {
    const value = item[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return '';
}

function nested(item: Row, key: string, name: string): string {
  const value = item[key];
  return value && typeof value === 'object' ? field(value as Row, name) : '';
}

/** A record's jurisdiction, from a nested object or a bare code. */
function jurisdictionOf(item: Row, names: JurisdictionNames) {
  const code = nested(item, 'jurisdiction', 'code') || field(item, 'jurisdictionCode', 'jurisdiction_code');
  return (
    <JurisdictionName code={code} name={nested(item, 'jurisdiction', 'name') || names.get(code) || null} />
  );
}

const code: Column = { label: 'reference.code', render: (item) => <code>{field(item, 'code')}</code> };
const name: Column = { label: 'reference.name', render: (item) => field(item, 'name') };
const kind: Column = { label: 'reference.kind', render: (item) => field(item, 'kind') };
const jurisdiction: Column = { label: 'reference.jurisdiction', render: jurisdictionOf };

const COLUMNS: Record<Kind, Column[]> = {
  jurisdictions: [
    code,
    {
      label: 'reference.name',
      render: (item) => <JurisdictionName code={field(item, 'code')} name={field(item, 'name')} />,
    },
    { label: 'reference.note', render: (item) => field(item, 'note') },
  ],
  agencies: [code, name, kind, jurisdiction],
  locations: [
    code,
    name,
    kind,
    { label: 'reference.iata', render: (item) => field(item, 'iataCode', 'iata_code') },
    { label: 'reference.unLocode', render: (item) => field(item, 'unLocode', 'un_locode') },
    jurisdiction,
  ],
  units: [
    code,
    name,
    kind,
    {
      label: 'reference.agency',
      render: (item) => nested(item, 'agency', 'code') || field(item, 'agencyCode', 'agency_code'),
    },
    {
      label: 'reference.location',
      render: (item) => nested(item, 'location', 'name') || field(item, 'locationName', 'location_name'),
    },
    jurisdiction,
  ],
};

export function ReferencePanel() {
  const [kind, setKind] = useState<Kind>('jurisdictions');
  const jurisdictions = useApi<{ items: Row[] }>('/reference/jurisdictions');
  const names = useMemo(
    () => new Map(itemsOf(jurisdictions.data).map((item) => [field(item, 'code'), field(item, 'name')])),
    [jurisdictions.data],
  );
  return (
    <section className="panel" aria-labelledby="reference-heading">
      <h2 id="reference-heading" className="panel-title">
        {t('admin.reference')}
      </h2>
      <div className="segmented" role="group" aria-label={t('admin.reference')}>
        {KINDS.map((option) => (
          <button
            key={option}
            type="button"
            className="segmented-button"
            aria-pressed={kind === option}
            onClick={() => setKind(option)}
          >
            {t(`reference.${option}`)}
          </button>
        ))}
      </div>
      <ReferenceTable key={kind} kind={kind} names={names} />
    </section>
  );
}

function ReferenceTable({ kind, names }: { kind: Kind; names: JurisdictionNames }) {
  const data = useApi<{ items: Row[] }>(`/reference/${kind}`);
  const items = itemsOf(data.data);
  const columns = COLUMNS[kind];
  if (data.error) return <ErrorBanner error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  if (items.length === 0) return <EmptyState title={t('reference.empty')} />;
  return (
    <TableFrame label={t(`reference.${kind}`)}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {t(column.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={index} data-testid={`reference-row-${kind}`}>
            {columns.map((column) => (
              <td key={column.label}>{column.render(item, names)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
