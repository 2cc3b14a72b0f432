import type { ReactNode } from 'react';
import { FieldError } from '../../components/FieldError.js';
import { t } from '../../i18n/index.js';
import { WATCHLIST_SHARING, type WatchlistSharing } from '../../watchlist-types.js';
import { sharingLabel } from './labels.js';

export const MIN_NAME_LENGTH = 3;

/** The fields of these settings as the API names them (for ErrorBanner and fieldErrorsOf). */
export const LIST_SETTINGS_FIELDS = ['name', 'description', 'sharing', 'notifyOtherUnits'] as const;
export type ListSettingsProblems = Partial<Record<(typeof LIST_SETTINGS_FIELDS)[number], string>>;

export interface ListSettings {
  name: string;
  description: string;
  sharing: WatchlistSharing;
  /** A unit-only list: other units see "restricted list, contact unit" when it matches. */
  notifyOtherUnits: boolean;
}

/** Name, sharing and description of a list: the fields of the new-list and edit forms. */
export function ListSettingsFields({
  idPrefix,
  value,
  onChange,
  showErrors,
  problems = {},
  children,
}: {
  idPrefix: string;
  value: ListSettings;
  onChange: (value: ListSettings) => void;
  /** Show validation messages (after a first submit). */
  showErrors: boolean;
  /** The server's objections by field (fieldErrorsOf). */
  problems?: ListSettingsProblems;
  /** Further fields placed after the name. */
  children?: ReactNode;
}) {
  const nameTooShort = showErrors && value.name.trim().length < MIN_NAME_LENGTH;
  const nameError = nameTooShort ? t('watchlists.form.nameTooShort') : problems.name;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t('watchlists.form.name')}</label>
        <input
          id={`${idPrefix}-name`}
          value={value.name}
          maxLength={200}
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${idPrefix}-name-hint`}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
        />
        {nameError ? (
          <FieldError id={`${idPrefix}-name-hint`} message={nameError} />
        ) : (
          <span id={`${idPrefix}-name-hint`} className="hint">
            {t('watchlists.form.nameHint')}
          </span>
        )}
      </div>
      {children}
      <div className="field">
        <label htmlFor={`${idPrefix}-sharing`}>{t('watchlists.form.sharing')}</label>
        <select
          id={`${idPrefix}-sharing`}
          value={value.sharing}
          aria-describedby={`${idPrefix}-sharing-hint`}
          onChange={(event) => onChange({ ...value, sharing: event.target.value as WatchlistSharing })}
        >
          {WATCHLIST_SHARING.map((option) => (
            <option key={option} value={option}>
              {sharingLabel(option)}
            </option>
          ))}
        </select>
        {problems.sharing ? (
          <FieldError id={`${idPrefix}-sharing-hint`} message={problems.sharing} />
        ) : (
          <span id={`${idPrefix}-sharing-hint`} className="hint">
            {t('watchlists.form.sharingHint')}
          </span>
        )}
      </div>
      {value.sharing === 'unit' && (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              id={`${idPrefix}-notify`}
              checked={value.notifyOtherUnits}
              aria-describedby={`${idPrefix}-notify-hint`}
              data-testid="list-notify-other-units"
              onChange={(event) => onChange({ ...value, notifyOtherUnits: event.target.checked })}
            />
            {t('watchlists.form.notifyOtherUnits')}
          </label>
          <span id={`${idPrefix}-notify-hint`} className="hint">
            {t('watchlists.form.notifyOtherUnitsHint')}
          </span>
        </div>
      )}
      <div className="field field-wide">
        <label htmlFor={`${idPrefix}-description`}>{t('watchlists.form.description')}</label>
        <textarea
          id={`${idPrefix}-description`}
          value={value.description}
          maxLength={4000}
          rows={3}
          aria-invalid={problems.description ? true : undefined}
          aria-describedby={`${idPrefix}-description-error`}
          onChange={(event) => onChange({ ...value, description: event.target.value })}
        />
        <FieldError id={`${idPrefix}-description-error`} message={problems.description} />
      </div>
    </>
  );
}
