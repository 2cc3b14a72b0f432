import { fieldErrorsOf } from '../../components/FieldError.js';
import { t } from '../../i18n/index.js';
import type { EntryContent, EntryInput, Severity, WatchlistKind } from '../../watchlist-types.js';

/** The entry form's fields as typed: lists are one value per line. */
export interface EntryFormState {
  externalId: string;
  primaryName: string;
  aliases: string;
  originalScriptNames: string;
  datesOfBirth: string;
  placesOfBirth: string;
  nationalities: string;
  sex: '' | 'M' | 'F';
  documents: DocumentRow[];
  reason: string;
  category: string;
  severity: Severity;
  validFrom: string;
  validTo: string;
  sourceReference: string;
}

export interface DocumentRow {
  type: string;
  number: string;
  issuingState: string;
  note: string;
}

export type EntryField = Exclude<keyof EntryFormState, 'documents'> | 'documents';
export type EntryFormErrors = Partial<Record<EntryField, string>> & { documentRows?: Record<number, string> };

export const EMPTY_DOCUMENT: DocumentRow = { type: '', number: '', issuingState: '', note: '' };

export const emptyEntry = (): EntryFormState => ({
  externalId: '',
  primaryName: '',
  aliases: '',
  originalScriptNames: '',
  datesOfBirth: '',
  placesOfBirth: '',
  nationalities: '',
  sex: '',
  documents: [],
  reason: '',
  category: '',
  severity: 'medium',
  validFrom: '',
  validTo: '',
  sourceReference: '',
});

/** The form filled with what an entry says now (to edit it). */
export function entryToForm(entry: EntryContent): EntryFormState {
  return {
    externalId: entry.externalId,
    primaryName: entry.primaryName,
    aliases: entry.aliases.map((alias) => alias.name).join('\n'),
    originalScriptNames: entry.originalScriptNames.join('\n'),
    datesOfBirth: entry.datesOfBirth.join('\n'),
    placesOfBirth: entry.placesOfBirth.join('\n'),
    nationalities: entry.nationalities.join('\n'),
    sex: entry.sex ?? '',
    documents: entry.documents.map((document) => ({
      type: document.type ?? '',
      number: document.number,
      issuingState: document.issuingState ?? '',
      note: document.note ?? '',
    })),
    reason: entry.reason ?? '',
    category: entry.category ?? '',
    severity: entry.severity,
    validFrom: entry.validFrom ?? '',
    validTo: entry.validTo ?? '',
    sourceReference: entry.sourceReference ?? '',
  };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
/** Short values may also be separated by commas: "RS, BA". */
const values = (text: string): string[] => lines(text.replace(/[,;]/g, '\n'));
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

const DATE_OF_BIRTH = /^\d{4}(-\d{2}-\d{2})?$/;

function isDateOfBirth(value: string): boolean {
  if (!DATE_OF_BIRTH.test(value)) return false;
  if (value.length === 4) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const documentFilled = (row: DocumentRow) =>
  Boolean(row.type.trim() || row.number.trim() || row.issuingState.trim() || row.note.trim());

/** What the server would refuse, said before sending. */
export function validateEntry(form: EntryFormState, kind: WatchlistKind): EntryFormErrors {
  const errors: EntryFormErrors = {};
  if (form.primaryName.trim() === '') errors.primaryName = t('entryForm.primaryNameRequired');
  const badDates = values(form.datesOfBirth).filter((value) => !isDateOfBirth(value));
  if (badDates.length > 0) errors.datesOfBirth = t('entryForm.badDates', { values: badDates.join(', ') });
  if (form.validFrom && form.validTo && form.validTo < form.validFrom)
    errors.validTo = t('entryForm.validToBeforeFrom');
  const rows: Record<number, string> = {};
  form.documents.forEach((row, index) => {
    if (documentFilled(row) && row.number.trim() === '') rows[index] = t('entryForm.documentNumberRequired');
  });
  if (Object.keys(rows).length > 0) errors.documentRows = rows;
  if (kind === 'document' && !form.documents.some((row) => row.number.trim() !== ''))
    errors.documents = t('entryForm.documentRequired');
  return errors;
}

export const hasErrors = (errors: EntryFormErrors) => Object.keys(errors).length > 0;

/** The body the server takes. */
export function formToInput(form: EntryFormState): EntryInput {
  return {
    ...(form.externalId.trim() ? { externalId: form.externalId.trim() } : {}),
    primaryName: form.primaryName.trim(),
    aliases: lines(form.aliases),
    originalScriptNames: lines(form.originalScriptNames),
    datesOfBirth: values(form.datesOfBirth),
    placesOfBirth: lines(form.placesOfBirth),
    nationalities: values(form.nationalities),
    sex: form.sex === '' ? null : form.sex,
    documents: form.documents
      .filter((row) => row.number.trim() !== '')
      .map((row) => ({
        type: orNull(row.type),
        number: row.number.trim(),
        issuingState: orNull(row.issuingState),
        note: orNull(row.note),
      })),
    reason: orNull(form.reason),
    category: orNull(form.category),
    severity: form.severity,
    validFrom: orNull(form.validFrom),
    validTo: orNull(form.validTo),
    sourceReference: orNull(form.sourceReference),
  };
}

/** Every field of the form, as the server names them in its problems. */
export const ENTRY_FIELDS: readonly EntryField[] = [
  'externalId',
  'primaryName',
  'aliases',
  'originalScriptNames',
  'datesOfBirth',
  'placesOfBirth',
  'nationalities',
  'sex',
  'documents',
  'reason',
  'category',
  'severity',
  'validFrom',
  'validTo',
  'sourceReference',
];

/** The server's problems (`details: [{ field: "validTo", message }]`) by field, as sentences. */
export function serverFieldErrors(error: unknown): EntryFormErrors {
  return fieldErrorsOf(error, ENTRY_FIELDS);
}
