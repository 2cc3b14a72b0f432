import type { ReactNode } from 'react';
import { t } from '../i18n/index.js';
import { DateInput } from './DateInput.js';

/**
 * The fields of a filter bar (`FilterBar` in Table.tsx): a labelled text or date input (dates
 * typed as YYYY-MM-DD whatever the browser's locale, DateInput), a
 * labelled choice with "All" first, a checkbox, and the submit and clear buttons. Each page
 * keeps its own ids, labels and values; these only lay them out the same way everywhere.
 */

function Field({
  id,
  label,
  grow,
  children,
}: {
  id: string;
  label: string;
  grow?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={grow ? 'field field-inline field-grow' : 'field field-inline'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function TextFilter({
  id,
  label,
  value,
  onChange,
  type = 'text',
  grow,
  className,
  placeholder,
  maxLength,
  pattern,
  title,
  min,
  max,
  invalid,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search' | 'date';
  /** Takes the room left in the bar (the free-text search). */
  grow?: boolean;
  className?: string;
  placeholder?: string;
  maxLength?: number;
  pattern?: string;
  title?: string;
  /** For dates: the range the other end of a period leaves. */
  min?: string;
  max?: string;
  /** Marks the value as refused (the message is shown next to the bar). */
  invalid?: boolean;
}) {
  if (type === 'date')
    return (
      <Field id={id} label={label}>
        <DateInput id={id} value={value} min={min} max={max} invalid={invalid} onChange={onChange} />
      </Field>
    );
  return (
    <Field id={id} label={label} grow={grow}>
      <input
        id={id}
        type={type}
        className={className}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        pattern={pattern}
        title={title}
        min={min || undefined}
        max={max || undefined}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

/** A choice among `options`, with "All" (the empty value) first unless `first` replaces it. */
export function SelectFilter({
  id,
  label,
  value,
  onChange,
  options,
  first = [{ value: '', label: t('common.all') }],
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  first?: readonly FilterOption[];
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {[...first, ...options].map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Options from a list of codes and the label of each. */
export const optionsOf = <T extends string>(
  values: readonly T[],
  label: (value: T) => string,
): FilterOption[] => values.map((value) => ({ value, label: label(value) }));

/** A yes/no filter, kept in the query as 'yes' or ''. */
export function CheckboxFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: 'yes' | '') => void;
}) {
  return (
    <label className="checkbox filter-checkbox">
      <input
        type="checkbox"
        checked={value === 'yes'}
        onChange={(event) => onChange(event.target.checked ? 'yes' : '')}
      />
      {label}
    </label>
  );
}

/** Submit (applies the text fields; choices apply at once) and, when anything is filtered, clear. */
export function FilterActions({
  filtered,
  onClear,
  submitLabel = t('actions.search'),
}: {
  filtered: boolean;
  onClear: () => void;
  submitLabel?: string;
}) {
  return (
    <>
      <button type="submit" className="button">
        {submitLabel}
      </button>
      {filtered && (
        <button type="button" className="button button-ghost" onClick={onClear}>
          {t('actions.clearFilters')}
        </button>
      )}
    </>
  );
}

/** A period as two dates, each end keeping the other in range. */
export function PeriodFilter({
  idPrefix,
  fromLabel,
  toLabel,
  from,
  to,
  onChange,
  invalid,
}: {
  idPrefix: string;
  fromLabel: string;
  toLabel: string;
  from: string;
  to: string;
  onChange: (change: { from: string } | { to: string }) => void;
  /** The period was refused (its end before its start). */
  invalid?: boolean;
}) {
  return (
    <>
      <TextFilter
        id={`${idPrefix}-from`}
        label={fromLabel}
        type="date"
        value={from}
        max={to}
        onChange={(value) => onChange({ from: value })}
      />
      <TextFilter
        id={`${idPrefix}-to`}
        label={toLabel}
        type="date"
        value={to}
        min={from}
        invalid={invalid}
        onChange={(value) => onChange({ to: value })}
      />
    </>
  );
}

/** An airline designator (two or three letters or digits), applied with the bar. */
export function CarrierFilter({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextFilter
      id={id}
      label={label}
      className="input-short"
      value={value}
      placeholder="JU"
      maxLength={3}
      pattern="[A-Za-z0-9]{2,3}"
      title={t('flights.filter.carrierHint')}
      onChange={onChange}
    />
  );
}

/** The free-text search of a list (names, descriptions, references), taking the room left in the bar. */
export function SearchFilter({
  id,
  label,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextFilter
      id={id}
      label={label}
      type="search"
      grow
      value={value}
      maxLength={200}
      placeholder={placeholder}
      onChange={onChange}
    />
  );
}
