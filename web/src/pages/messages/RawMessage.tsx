import { useMemo } from 'react';
import { t } from '../../i18n/index.js';
import type { Issue } from '../../types.js';
import { splitRawMessage, type RawPiece } from './segments.js';

export function rawPieceId(number: number): string {
  return `raw-piece-${number}`;
}

/**
 * The message as received, one numbered segment (or line) per row; segments named by an error
 * or warning are highlighted and annotated with the issue.
 */
export function RawMessage({
  content,
  errors,
  warnings,
  selected,
}: {
  content: string;
  errors: Issue[];
  warnings: Issue[];
  selected: number | null;
}) {
  const split = useMemo(() => splitRawMessage(content), [content]);
  const bySegments = split.kind === 'segments';

  const issuesByPiece = useMemo(() => {
    const map = new Map<number, { issue: Issue; severity: 'error' | 'warning' }[]>();
    const add = (issue: Issue, severity: 'error' | 'warning') => {
      const key = bySegments ? pieceForIssue(split.pieces, issue) : issue.line;
      if (key === null) return;
      map.set(key, [...(map.get(key) ?? []), { issue, severity }]);
    };
    errors.forEach((issue) => add(issue, 'error'));
    warnings.forEach((issue) => add(issue, 'warning'));
    return map;
  }, [split, bySegments, errors, warnings]);

  if (content.length === 0) return <p className="muted">{t('messages.detail.emptyContent')}</p>;

  return (
    <ol className="raw-message" aria-label={t('messages.detail.rawLabel')} data-testid="raw-message">
      {split.pieces.map((piece) => {
        const issues = issuesByPiece.get(piece.number) ?? [];
        const severity = issues.some((entry) => entry.severity === 'error')
          ? 'error'
          : issues.length > 0
            ? 'warning'
            : null;
        const classes = ['raw-piece'];
        if (severity) classes.push(`raw-piece-${severity}`);
        if (selected === piece.number) classes.push('raw-piece-selected');
        return (
          <li
            key={piece.number}
            id={rawPieceId(piece.number)}
            className={classes.join(' ')}
            data-testid="raw-segment"
            data-segment={piece.number}
            data-highlighted={severity ?? undefined}
            aria-current={selected === piece.number ? 'true' : undefined}
          >
            <span
              className="raw-number"
              title={t('messages.detail.startsAt', { line: piece.line, column: piece.column })}
            >
              {bySegments && piece.number === 0 ? 'UNA' : piece.number}
            </span>
            <code className="raw-text">{piece.text}</code>
            {issues.map(({ issue, severity: kind }, index) => (
              <span key={index} className={`raw-annotation raw-annotation-${kind}`}>
                {issue.message}
              </span>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

/** The segment an issue names; failing that, the segment that contains its line and column. */
function pieceForIssue(pieces: RawPiece[], issue: Issue): number | null {
  if (pieces.some((piece) => piece.number === issue.segment && issue.segment > 0)) return issue.segment;
  let found: number | null = null;
  for (const piece of pieces) {
    const startsBefore =
      piece.line < issue.line || (piece.line === issue.line && piece.column <= issue.column);
    if (startsBefore) found = piece.number;
    else break;
  }
  return found;
}
