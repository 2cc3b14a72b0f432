import type { ImportIssue, ParsedList, WatchlistEntryInput } from './model.js';

/**
 * The longest values an imported entry may carry, as for an entry typed in (entryInputSchema):
 * names reach an index, whose row holds about 2,700 bytes, and no list needs more.
 */
const MAX_NAME = 500;
const MAX_EXTERNAL_ID = 200;
const MAX_DOCUMENT_NUMBER = 100;

const quoted = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

function entryBoundErrors(entry: WatchlistEntryInput): ImportIssue[] {
  const where = `${entry.kind} ${quoted(entry.externalId) || quoted(entry.primaryName)}`;
  const errors: ImportIssue[] = [];
  const check = (what: string, value: string, max: number) => {
    if (value.length > max)
      errors.push({ where, message: `${what} is ${value.length} characters long: at most ${max}` });
  };
  check('the id', entry.externalId, MAX_EXTERNAL_ID);
  check('the name', entry.primaryName, MAX_NAME);
  for (const alias of entry.aliases) check(`the alias "${quoted(alias.name)}"`, alias.name, MAX_NAME);
  for (const name of entry.originalScriptNames)
    check(`the original-script name "${quoted(name)}"`, name, MAX_NAME);
  for (const document of entry.documents)
    check(`the document number "${quoted(document.number)}"`, document.number, MAX_DOCUMENT_NUMBER);
  return errors;
}

/** Where a text holds its first NUL, as a line and column, or null. */
function nulPosition(text: string): string | null {
  const index = text.indexOf('\0');
  if (index < 0) return null;
  const before = text.slice(0, index);
  return `line ${before.split('\n').length}, column ${index - before.lastIndexOf('\n')}`;
}

/**
 * What an import may not hold whatever its format: NUL (which no text column can store; the file is
 * kept with each NUL shown as U+FFFD) and values longer than an entry may have. Each is an error,
 * so the import is rejected and kept with them.
 */
export function boundImport(
  file: { content: string; fileName?: string },
  parsed: ParsedList,
): { file: { content: string; fileName?: string }; parsed: ParsedList } {
  const errors: ImportIssue[] = [];
  const nul = nulPosition(file.content);
  if (nul) errors.push({ where: nul, message: 'byte 0x00 (NUL): a list may not contain it' });
  if (file.fileName?.includes('\0'))
    errors.push({ where: 'file name', message: 'the file name holds a NUL character (byte 0x00)' });
  for (const entry of parsed.entries) errors.push(...entryBoundErrors(entry));
  if (errors.length === 0) return { file, parsed };
  return {
    file: {
      content: file.content.replaceAll('\0', '\uFFFD'),
      ...(file.fileName ? { fileName: file.fileName.replaceAll('\0', '\uFFFD') } : {}),
    },
    parsed: { ...parsed, errors: [...parsed.errors, ...errors] },
  };
}
