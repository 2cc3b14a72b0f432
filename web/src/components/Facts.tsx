import type { ReactNode } from 'react';

/** A definition list of labelled facts laid out in a grid. */
export function Facts({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <dl className="facts" aria-label={label}>
      {children}
    </dl>
  );
}

export function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div className={`fact${wide ? ' fact-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}
