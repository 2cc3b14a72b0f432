import { issueAt, type ParseIssue } from './issues.js';
import type { Segment } from './tokenizer.js';

/**
 * Bounds a format sets on the values it stores and indexes, tighter than the 512 characters every
 * component is held to (element-length.ts): a value past one is an error at its segment, so that
 * nothing of the interchange is stored.
 */
export interface ElementBound {
  /** 1-based as in the messages: the first element after the tag is 1; 'each' for repeated ones. */
  element: number | 'each';
  /** 1-based component; absent: all components of the element together. */
  component?: number;
  max: number;
  what: string;
}

export type ElementBounds = ReadonlyMap<string, readonly ElementBound[]>;

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
