export type { ParseIssue, SegmentPosition } from './issues.js';
export { issueAt } from './issues.js';
export type { Separators, ServiceStringAdvice } from './service-string.js';
export { DEFAULT_SEPARATORS, formatServiceStringAdvice, readServiceStringAdvice } from './service-string.js';
export type { Segment, TokenizeResult } from './tokenizer.js';
export { segmentsOf, tokenize } from './tokenizer.js';
export { NEW_ELEMENT, TokenTable, tokenizeInto } from './tokenizer-table.js';
export type { EdifactMessage, FunctionalGroup, Interchange, MessageIdentifier } from './envelope.js';
export { readInterchange, readMessageIdentifier } from './envelope.js';
export { componentValue, compositeValues, optionalValue, parseCount, tagKey } from './segment-values.js';
export type { DetectedMessageType } from './message-type.js';
export { detectMessageTypes, looksLikeEdifact } from './message-type.js';
export { escapeValue, formatSegment, formatSegments } from './writer.js';
export type { DecodedInterchange } from './decode.js';
export { decodeEdifactBytes, sniffSyntaxIdentifier } from './decode.js';
export { truncationOf } from './truncation.js';
export type { CenturyRule, DateReading, DayKey } from './dates.js';
export { allDigits, dayKeyOf, readEdifactDate, readInterchangeDate } from './dates.js';
export type {
  EdifactFormat,
  InterchangeReading,
  MessageContext,
  ReadInterchangeMessagesOptions,
} from './interchange-messages.js';
export { readInterchangeMessages } from './interchange-messages.js';
export { ingestOutcome } from './ingest-outcome.js';
export type { ElementBound, ElementBounds } from './element-bounds.js';
export { elementBoundErrors } from './element-bounds.js';
