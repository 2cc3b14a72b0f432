import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportIssue, ParsedList, WatchlistEntryInput } from './model.js';

type Node = Record<string, unknown>;

const REPEATED = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'VALUE',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
  // The list nests five levels deep; a file nesting far deeper is not the list.
  maxNestedTags: 32,
});

/** Line and column (1-based) of an offset in the text. */
function positionOf(xml: string, offset: number): string {
  const before = xml.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * A document type declaration is refused before anything reads the file: the UN list has none,
 * and its entities are how a file reads other files (external entities) or grows a thousandfold
 * when expanded (an entity bomb). Nothing is expanded.
 */
function refusedDeclaration(xml: string): ImportIssue | null {
  const declaration = /<!DOCTYPE|<!ENTITY/i.exec(xml);
  if (!declaration) return null;
  return {
    where: positionOf(xml, declaration.index),
    message: `${declaration[0].slice(2).toUpperCase()} declarations are not accepted (the UN list has none; entities are never expanded)`,
  };
}

/** The parser's reason, cut short: for a file of a million open tags it lists every one of them. */
const REASON_LENGTH = 300;

const unreadable = (where: string, message: string): ParsedList => ({
  generatedAt: null,
  entries: [],
  errors: [
    { where, message: message.length > REASON_LENGTH ? `${message.slice(0, REASON_LENGTH)}…` : message },
  ],
  warnings: [],
});

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
const list = (value: unknown): Node[] =>
  Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : [];
const values = (node: unknown): string[] =>
  list((node as Node | undefined)?.VALUE as unknown)
    .map((v) => text(v))
    .filter(Boolean);

function datesOfBirth(node: Node, warnings: ImportIssue[], where: string): string[] {
  const dates: string[] = [];
  for (const date of list(node.INDIVIDUAL_DATE_OF_BIRTH)) {
    const exact = text(date.DATE);
    const year = text(date.YEAR);
    const from = Number(text(date.FROM_YEAR));
    const to = Number(text(date.TO_YEAR));
    if (/^\d{4}-\d{2}-\d{2}/.test(exact)) dates.push(exact.slice(0, 10));
    else if (/^\d{4}$/.test(year)) dates.push(year);
    else if (from && to && to >= from && to - from <= 20)
      for (let y = from; y <= to; y++) dates.push(String(y));
    else if (exact || year || from || to)
      warnings.push({ where, message: `date of birth not understood: ${exact || year || `${from}-${to}`}` });
  }
  return [...new Set(dates)];
}

/** LISTED_ON as a date: the UN writes some with a UTC offset ("2015-03-27-04:00"). */
function listedOn(node: Node): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(node.LISTED_ON));
  return match ? match[1] : null;
}

function individual(node: Node, warnings: ImportIssue[]): WatchlistEntryInput {
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((k) => text(node[k]))
    .filter(Boolean);
  const where = `individual ${text(node.REFERENCE_NUMBER) || text(node.DATAID)}`;
  const gender = text(node.GENDER) || /Gender:\s*(Male|Female)/i.exec(text(node.COMMENTS1))?.[1] || '';
  return {
    externalId: text(node.DATAID),
    kind: 'person',
    primaryName: parts.join(' '),
    aliases: list(node.INDIVIDUAL_ALIAS)
      .map((alias) => ({ name: text(alias.ALIAS_NAME), quality: text(alias.QUALITY) || null }))
      .filter((alias) => alias.name),
    originalScriptNames: [text(node.NAME_ORIGINAL_SCRIPT)].filter(Boolean),
    datesOfBirth: datesOfBirth(node, warnings, where),
    placesOfBirth: list(node.INDIVIDUAL_PLACE_OF_BIRTH)
      .map((place) =>
        [text(place.CITY), text(place.STATE_PROVINCE), text(place.COUNTRY)].filter(Boolean).join(', '),
      )
      .filter(Boolean),
    nationalities: values(node.NATIONALITY),
    sex: /^male$/i.test(gender) ? 'M' : /^female$/i.test(gender) ? 'F' : null,
    documents: list(node.INDIVIDUAL_DOCUMENT)
      .filter((document) => text(document.NUMBER))
      .map((document) => ({
        type: text(document.TYPE_OF_DOCUMENT) || null,
        number: text(document.NUMBER),
        issuingState: text(document.ISSUING_COUNTRY) || text(document.COUNTRY_OF_ISSUE) || null,
        note: text(document.NOTE) || null,
      })),
    reason: text(node.COMMENTS1) || null,
    category: text(node.UN_LIST_TYPE) || null,
    severity: 'high',
    validFrom: listedOn(node),
    validTo: null,
    sourceReference: text(node.REFERENCE_NUMBER) || null,
  };
}

function entity(node: Node): WatchlistEntryInput {
  return {
    externalId: text(node.DATAID),
    kind: 'organisation',
    primaryName: text(node.FIRST_NAME),
    aliases: list(node.ENTITY_ALIAS)
      .map((alias) => ({ name: text(alias.ALIAS_NAME), quality: text(alias.QUALITY) || null }))
      .filter((alias) => alias.name),
    originalScriptNames: [text(node.NAME_ORIGINAL_SCRIPT)].filter(Boolean),
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    sex: null,
    documents: [],
    reason: text(node.COMMENTS1) || null,
    category: text(node.UN_LIST_TYPE) || null,
    severity: 'high',
    validFrom: listedOn(node),
    validTo: null,
    sourceReference: text(node.REFERENCE_NUMBER) || null,
  };
}

/** Reads the UN Security Council Consolidated List (the XML the UN publishes): individuals and entities. */
export function parseUnConsolidatedList(xml: string): ParsedList {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const declaration = refusedDeclaration(xml);
  if (declaration) return unreadable(declaration.where, declaration.message);
  let document: Node;
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) return unreadable(`line ${valid.err.line}, column ${valid.err.col}`, valid.err.msg);
    document = parser.parse(xml) as Node;
  } catch (error) {
    // The parser's own limits (nesting, entities) and whatever else it cannot read: its reason.
    return unreadable('document', `the XML cannot be read: ${(error as Error).message}`);
  }
  const root = document.CONSOLIDATED_LIST as Node | undefined;
  if (!root) {
    errors.push({
      where: 'document',
      message: 'not a UN consolidated list: expected the root element CONSOLIDATED_LIST',
    });
    return { generatedAt: null, entries: [], errors, warnings };
  }
  const entries: WatchlistEntryInput[] = [];
  for (const node of list((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL))
    entries.push(individual(node, warnings));
  for (const node of list((root.ENTITIES as Node | undefined)?.ENTITY)) entries.push(entity(node));
  for (const entry of entries) {
    if (!entry.externalId)
      errors.push({ where: `${entry.kind} ${entry.primaryName}`, message: 'has no DATAID' });
    if (!entry.primaryName)
      errors.push({ where: `${entry.kind} ${entry.externalId}`, message: 'has no name' });
  }
  return { generatedAt: text(root['@dateGenerated']) || null, entries, errors, warnings };
}
