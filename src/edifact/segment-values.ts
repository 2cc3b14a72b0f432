import type { Segment } from './tokenizer.js';

/**
 * Component `component` of data element `element` (both 0-based, the tag not counted), or ""
 * when the sender left it out: absent and empty mean the same in EDIFACT.
 */
export function componentValue(segment: Segment, element: number, component = 0): string {
  const composite = segment.elements[element];
  if (composite === undefined) return '';
  const value = composite[component];
  return value === undefined ? '' : value;
}

/** Like componentValue, trimmed, with null for an empty value. */
export function optionalValue(segment: Segment, element: number, component = 0): string | null {
  const value = componentValue(segment, element, component).trim();
  return value.length > 0 ? value : null;
}

/** All components of a data element, [] when absent. */
export function compositeValues(segment: Segment, element: number): readonly string[] {
  return segment.elements[element] ?? [];
}

/** Strict non-negative integer ("0000152" is 152); null for anything else. */
export function parseCount(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 15) return null;
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code < 48 || code > 57) return null;
  }
  return Number(trimmed);
}

/**
 * A segment tag as one number (-1 unless it has three characters), so that mappers can switch
 * over tags with integer comparisons instead of string comparisons on every segment.
 */
export function tagKey(tag: string): number {
  return tag.length === 3 ? (tag.charCodeAt(0) << 16) | (tag.charCodeAt(1) << 8) | tag.charCodeAt(2) : -1;
}
