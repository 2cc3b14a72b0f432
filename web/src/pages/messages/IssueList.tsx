import { t } from '../../i18n/index.js';
import type { Issue } from '../../types.js';

/**
 * Errors and warnings, each pointing at its segment. With onSelect, each can be clicked to show
 * the segment in the raw message.
 */
export function IssueList({
  errors,
  warnings,
  onSelect,
}: {
  errors: Issue[];
  warnings: Issue[];
  onSelect?: (issue: Issue) => void;
}) {
  const all = [
    ...errors.map((issue) => ({ issue, severity: 'error' as const })),
    ...warnings.map((issue) => ({ issue, severity: 'warning' as const })),
  ];
  if (all.length === 0) return <p className="muted">{t('messages.issues.none')}</p>;
  return (
    <ul className="issue-list" data-testid="issue-list">
      {all.map(({ issue, severity }, index) => (
        <li
          key={`${severity}-${index}`}
          className={`issue issue-${severity}`}
          data-testid={`issue-${severity}`}
          data-segment={issue.segment}
        >
          <span className={`badge badge-${severity === 'error' ? 'danger' : 'warning'}`}>
            {t(severity === 'error' ? 'messages.issues.error' : 'messages.issues.warning')}
          </span>
          <IssuePosition issue={issue} onSelect={onSelect ? () => onSelect(issue) : undefined} />
          <span className="issue-message">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}

function IssuePosition({ issue, onSelect }: { issue: Issue; onSelect?: () => void }) {
  // An issue about the whole file (it could not be read at all) points at no position.
  if (issue.segment <= 0 && issue.line <= 0) return null;
  const text =
    issue.segment > 0
      ? t('messages.issues.position', { segment: issue.segment, line: issue.line, column: issue.column })
      : t('messages.issues.positionWithoutSegment', { line: issue.line, column: issue.column });
  const content = (
    <>
      {issue.tag && <code className="segment-tag">{issue.tag}</code>} {text}
    </>
  );
  if (!onSelect) return <span className="issue-position">{content}</span>;
  return (
    <button type="button" className="link-button issue-position" onClick={onSelect}>
      {content}
    </button>
  );
}
