import { t } from '../../i18n/index.js';
import { EMPTY_DOCUMENT, type DocumentRow } from './entry-form.js';

const COLUMNS: {
  key: keyof DocumentRow;
  label:
    | 'entryForm.documentType'
    | 'entryForm.documentNumber'
    | 'entryForm.documentState'
    | 'entryForm.documentNote';
  maxLength: number;
}[] = [
  { key: 'type', label: 'entryForm.documentType', maxLength: 50 },
  { key: 'number', label: 'entryForm.documentNumber', maxLength: 100 },
  { key: 'issuingState', label: 'entryForm.documentState', maxLength: 100 },
  { key: 'note', label: 'entryForm.documentNote', maxLength: 500 },
];

/** The documents of an entry: one row each (type, number, issuing state, note), added and removed. */
export function DocumentRows({
  idPrefix,
  rows,
  rowErrors,
  error,
  onChange,
}: {
  idPrefix: string;
  rows: DocumentRow[];
  rowErrors?: Record<number, string>;
  error?: string;
  onChange: (rows: DocumentRow[]) => void;
}) {
  const set = (index: number, key: keyof DocumentRow, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className="field field-wide document-rows" data-testid="document-rows">
      <legend>{t('entryForm.documents')}</legend>
      {rows.map((row, index) => (
        <div key={index} className="document-row" data-testid="document-row">
          {COLUMNS.map((column) => (
            <div key={column.key} className="field">
              <label htmlFor={`${idPrefix}-${index}-${column.key}`}>{t(column.label)}</label>
              <input
                id={`${idPrefix}-${index}-${column.key}`}
                value={row[column.key]}
                maxLength={column.maxLength}
                placeholder={column.key === 'type' ? t('entryForm.documentTypePlaceholder') : undefined}
                aria-invalid={column.key === 'number' && rowErrors?.[index] ? true : undefined}
                onChange={(event) => set(index, column.key, event.target.value)}
              />
            </div>
          ))}
          <button
            type="button"
            className="button button-small button-ghost document-remove"
            aria-label={t('entryForm.removeDocument', { n: index + 1 })}
            title={t('entryForm.removeDocument', { n: index + 1 })}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            ✕
          </button>
          {rowErrors?.[index] && (
            <span className="field-error document-row-error" role="alert">
              {rowErrors[index]}
            </span>
          )}
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...rows, { ...EMPTY_DOCUMENT }])}
        >
          {t('entryForm.addDocument')}
        </button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
