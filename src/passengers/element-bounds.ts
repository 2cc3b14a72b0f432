import { issueAt, type ParseIssue, type Segment } from '../edifact/index.js';

/**
 * How long the values that reach an index (names, document numbers, codes, record locators) may
 * be. Every component is already at most 512 characters (src/edifact/element-length.ts); these
 * bounds are tighter where the value is indexed, generous against the directories (codes are
 * an..3 to an..35, references an..70, a name an..70 a part) but finite: an index row holds
 * about 2,700 bytes, and a UTF-8 character takes up to four.
 */
const CODE = 70;
const REFERENCE = 140;
/** All parts of a name together (NAD C080: surname and up to four given names, an..70 each). */
const NAME = 512;

interface ElementBound {
  /** 1-based as in the messages: the first element after the tag is 1; 'each' for repeated ones. */
  element: number | 'each';
  /** 1-based component; absent: all components of the element together. */
  component?: number;
  max: number;
  what: string;
}

export type ElementBounds = ReadonlyMap<string, readonly ElementBound[]>;

/** PAXLST (WCO/IATA/ICAO API guide, D02B to D05B): what is stored and indexed from each segment. */
export const PAXLST_BOUNDS: ElementBounds = new Map([
  ['NAD', [{ element: 4, max: NAME, what: 'a name' }]],
  [
    'TDT',
    [
      { element: 2, component: 1, max: CODE, what: 'a flight number' },
      { element: 5, component: 1, max: CODE, what: 'a carrier code' },
    ],
  ],
  ['LOC', [{ element: 2, component: 1, max: CODE, what: 'a location code' }]],
  ['DOC', [{ element: 2, component: 1, max: CODE, what: 'a document number' }]],
  ['NAT', [{ element: 2, component: 1, max: CODE, what: 'a nationality code' }]],
  ['RFF', [{ element: 1, component: 2, max: REFERENCE, what: 'a reference' }]],
]);

/** PNRGOV (IATA/WCO/ICAO PNRGOV 10.1 to 13.1): names, record locators and flights. */
export const PNRGOV_BOUNDS: ElementBounds = new Map([
  [
    'TIF',
    [
      { element: 1, max: NAME, what: 'a surname' },
      { element: 2, max: NAME, what: 'a given name' },
    ],
  ],
  [
    'RCI',
    [
      { element: 'each', component: 1, max: CODE, what: 'a carrier code' },
      { element: 'each', component: 2, max: REFERENCE, what: 'a record locator' },
    ],
  ],
  [
    'TVL',
    [
      { element: 2, component: 1, max: CODE, what: 'an airport code' },
      { element: 3, component: 1, max: CODE, what: 'an airport code' },
      { element: 4, component: 1, max: CODE, what: 'a carrier code' },
      { element: 4, component: 2, max: CODE, what: 'a carrier code' },
      { element: 5, component: 1, max: CODE, what: 'a flight number' },
    ],
  ],
]);

function lengthOf(segment: Segment, element: number, component: number | undefined): number {
  const composite = segment.elements[element - 1];
  if (!composite) return 0;
  if (component !== undefined) return (composite[component - 1] ?? '').trim().length;
  let length = 0;
  for (const part of composite) length += part.trim().length;
  return length;
}

/** The segments whose indexed values are longer than the bounds allow: errors, so nothing is stored. */
export function elementBoundErrors(segments: readonly Segment[], bounds: ElementBounds): ParseIssue[] {
  const errors: ParseIssue[] = [];
  for (const segment of segments) {
    const rules = bounds.get(segment.tag);
    if (!rules) continue;
    for (const rule of rules) {
      const elements =
        rule.element === 'each' ? segment.elements.map((_, index) => index + 1) : [rule.element];
      for (const element of elements) {
        const length = lengthOf(segment, element, rule.component);
        if (length <= rule.max) continue;
        const where = rule.component
          ? `element ${element}, component ${rule.component}`
          : `element ${element}`;
        errors.push(
          issueAt(
            segment,
            'element-too-long',
            `${segment.tag} ${where} is ${length} characters long: ${rule.what} may not be longer than ${rule.max}`,
          ),
        );
      }
    }
  }
  return errors;
}
