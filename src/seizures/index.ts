// The public module of the seizures domain: other domains import from here, never from the files.
// Everything below is pure (no database, no HTTP): quantities, the report aggregation, colour
// tests, the analyser import, container and reference numbers, the taxonomy and custody chains.

export type { CurrencyStatus } from './currencies.js';
export {
  CURRENT_CURRENCY_CODES,
  WITHDRAWN_CURRENCY_CODES,
  currencyStatus,
  isCurrencyCode,
} from './currencies.js';

export type {
  ItemQuantity,
  MoneyAmount,
  Parsed,
  Quantity,
  QuantityKind,
  QuantityProblem,
} from './quantity.js';
export {
  NAMED_COUNTS,
  REPORT_UNIT,
  canonicalUnit,
  parseItemQuantity,
  parseMoney,
  parseQuantity,
  parseQuantityDescription,
  parseQuantityText,
  toReportUnit,
  unitKind,
} from './quantity.js';

export type {
  ReportCase,
  ReportGrouping,
  ReportItem,
  ReportPartials,
  ReportRow,
  RowLabelOf,
  SeizureReport,
} from './report.js';
export {
  NOT_RECORDED,
  REPORT_GROUPINGS,
  aggregateSeizures,
  mergeReportPartials,
  reportPartialsOf,
} from './report.js';
export { formatQuantity, formatReportTable, formatRowFigures } from './report-table.js';

export type { Commodity, TaxonomyProblem } from './commodities.js';
export {
  COMMODITY_CODE,
  COMMODITY_SEED,
  commodityLineage,
  commodityRowLabels,
  isCommodityUnder,
  taxonomyProblems,
} from './commodities.js';

export type {
  ColourFamily,
  ColourTest,
  PresumptiveSubstance,
  Reaction,
  SourceId,
} from './colour-tests-data.js';
export {
  COLOUR_FAMILIES,
  COLOUR_TESTS,
  PRESUMPTIVE_SUBSTANCES,
  REACTIONS,
  SOURCES,
} from './colour-tests-data.js';
export type {
  Candidate,
  ColourObservation,
  ColourReference,
  IdentificationResult,
  NextTestSuggestion,
} from './colour-tests.js';
export {
  DEFAULT_COLOUR_REFERENCE,
  colourFamilyOf,
  expectedInformationGain,
  identifyByColourTests,
} from './colour-tests.js';

export type {
  AnalyserImport,
  AnalyserResult,
  ImportProblem,
  LibraryMatch,
  MixtureComponent,
} from './analyser-import.js';
export {
  CSV_COLUMNS as ANALYSER_CSV_COLUMNS,
  parseAnalyserCsv,
  parseAnalyserExport,
  parseAnalyserJson,
} from './analyser-import.js';

export type { ContainerNumber, ContainerNumberCheck } from './container-number.js';
export { checkContainerNumber, containerCheckDigit } from './container-number.js';

export type { ReferenceCheck, SeizureReference } from './reference-number.js';
export {
  formatSeizureReference,
  nextSeizureReference,
  parseSeizureReference,
  seizureReferenceSeries,
} from './reference-number.js';

export type {
  CustodyEvent,
  CustodyEventInput,
  CustodyEventKind,
  CustodyProblem,
  CustodyVerification,
} from './custody-chain.js';
export {
  CUSTODY_EVENT_KINDS,
  appendCustodyEvent,
  custodyEventHash,
  custodyEventProblem,
  custodyGenesisHash,
  verifyCustodyChain,
} from './custody-chain.js';
