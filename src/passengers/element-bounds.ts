import type { ElementBounds } from '../edifact/index.js';

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
