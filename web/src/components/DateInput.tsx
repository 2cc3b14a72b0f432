import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/index.js';
import { FieldError } from './FieldError.js';

/**
 * A typed date as YYYY-MM-DD (`2026-3-1` is read as 2026-03-01), or null when it is not a day of
 * the calendar.
 */
export function toIsoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date written as every other date of the app is, YYYY-MM-DD, whatever the browser's locale
 * (a native date input shows mm/dd/yyyy in an American browser). A text input with the format as
 * placeholder and a calendar button (the browser's own picker, which hands back ISO dates).
 * `onChange` hears only whole dates or '' (cleared): a half-typed date is kept here and said to
 * be wrong when the field is left, so that a filter applied on change never sends it.
 */
export function DateInput({
  id,
  value,
  onChange,
  min,
  max,
  invalid,
  required,
  disabled,
  className,
  describedBy,
  testId,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  /** Refused by the form or the server (their message is shown by them). */
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  describedBy?: string;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  const [left, setLeft] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (cleared filters, a loaded record) replaces what was typed.
  useEffect(() => {
    setText((typed) => (toIsoDate(typed) === value || (value === '' && typed.trim() === '') ? typed : value));
  }, [value]);

  const typed = (next: string) => {
    setText(next);
    if (next.trim() === '') onChange('');
    else {
      const iso = toIsoDate(next);
      if (iso) onChange(iso);
    }
  };
  const malformed = text.trim() !== '' && toIsoDate(text) === null;
  const formatId = `${id}-format`;

  return (
    <span className={`date-input${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{1,2}-\d{1,2}"
        maxLength={10}
        size={11}
        required={required}
        disabled={disabled}
        value={text}
        data-testid={testId}
        aria-invalid={invalid || (left && malformed) ? true : undefined}
        aria-describedby={
          [describedBy, left && malformed ? formatId : undefined].filter(Boolean).join(' ') || undefined
        }
        title={t('date.format')}
        onChange={(event) => {
          setLeft(false);
          typed(event.target.value);
        }}
        onBlur={() => {
          setLeft(true);
          const iso = toIsoDate(text);
          if (iso && iso !== text) setText(iso);
        }}
      />
      <button
        type="button"
        className="date-input-calendar"
        aria-label={t('date.pick')}
        title={t('date.pick')}
        disabled={disabled}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            picker.current?.focus(); // a browser without showPicker: the hidden input takes the keys
          }
        }}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            d="M7 3v3M17 3v3M4 8h16M5 5h14v15H5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-input-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={toIsoDate(text) ?? ''}
        min={min || undefined}
        max={max || undefined}
        onChange={(event) => {
          setLeft(false);
          typed(event.target.value);
        }}
      />
      {left && malformed && <FieldError id={formatId} message={t('date.malformed', { text: text.trim() })} />}
    </span>
  );
}
