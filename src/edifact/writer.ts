import { DEFAULT_SEPARATORS, formatServiceStringAdvice, type Separators } from './service-string.js';

/** Precedes every separator (and the release character itself) in `value` with the release character. */
export function escapeValue(value: string, separators: Separators = DEFAULT_SEPARATORS): string {
  const release = separators.release;
  if (!release) return value;
  let result = '';
  let pieceStart = 0;
  for (let i = 0; i < value.length; i++) {
    const character = value[i];
    if (
      character === release ||
      character === separators.component ||
      character === separators.element ||
      character === separators.segment
    ) {
      result += value.slice(pieceStart, i) + release;
      pieceStart = i;
    }
  }
  return result + value.slice(pieceStart);
}

/** One segment as text, terminator included; trailing empty components and elements are dropped. */
export function formatSegment(
  tag: string,
  elements: readonly (readonly string[] | string)[],
  separators: Separators = DEFAULT_SEPARATORS,
): string {
  const parts: string[] = [];
  for (const element of elements) {
    const components = typeof element === 'string' ? [element] : [...element];
    while (components.length > 1 && components[components.length - 1] === '') components.pop();
    parts.push(components.map((component) => escapeValue(component, separators)).join(separators.component));
  }
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return (
    tag + (parts.length > 0 ? separators.element + parts.join(separators.element) : '') + separators.segment
  );
}

/** Segments as text, preceded by a UNA when the separators are not the defaults (or when asked). */
export function formatSegments(
  segments: readonly { tag: string; elements: readonly (readonly string[] | string)[] }[],
  separators: Separators = DEFAULT_SEPARATORS,
  options: { serviceStringAdvice?: boolean; lineBreaks?: boolean } = {},
): string {
  const isDefault = (Object.keys(DEFAULT_SEPARATORS) as (keyof Separators)[]).every(
    (key) => separators[key] === DEFAULT_SEPARATORS[key],
  );
  const joiner = options.lineBreaks ? '\n' : '';
  const body = segments
    .map((segment) => formatSegment(segment.tag, segment.elements, separators))
    .join(joiner);
  const una = options.serviceStringAdvice || !isDefault ? formatServiceStringAdvice(separators) + joiner : '';
  return una + body;
}
