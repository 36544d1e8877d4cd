import type { ReactNode } from 'react';

/** A titled block of a sheet, like a labelled range in a workbook. */
export function Section({ title, note, actions, children, className }: { title: string; note?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`section ${className ?? ''}`} aria-labelledby={id}>
      <header className="section-head">
        <h2 id={id}>{title}</h2>
        {note ? <span className="section-note">{note}</span> : null}
        {actions ? <span className="section-actions">{actions}</span> : null}
      </header>
      {children}
    </section>
  );
}
