// The board report's segment block (issue 24): NRR and GRR by segment, the mix of
// ARR by year end, and the segment that drags NRR most (shared/report/board-segments.ts).
import { formatFigure, type SegmentBlock, type SegmentFigure } from '@shared/report/index';

const ALL = formatFigure(1, 'percent');

const Cell = ({ f }: { f: SegmentFigure }) => (
  <td className="num" data-key={f.key} data-value={f.value === null ? undefined : String(f.value)}>{f.text}</td>
);

export function BoardSegments({ block }: { block: SegmentBlock }) {
  const years = block.rows[0]?.mix.length ?? 0;
  return (
    <section className="board-segments" aria-label="By segment" data-key="board.segments">
      <h3>By segment: retention in year {block.year} and the mix of ARR</h3>
      <table className="board-lane-table board-segment-table">
        <thead>
          <tr>
            <th>Segment</th><th className="num">New logos, Y1</th><th className="num">NRR</th><th className="num">GRR</th>
            {Array.from({ length: years }, (_, i) => <th key={i} className="num">ARR share, Y{i + 1}</th>)}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((r) => (
            <tr key={r.id} className={block.drag?.id === r.id ? 'is-below-floor' : undefined}>
              <td>{r.name}</td><Cell f={r.logoShare} /><Cell f={r.nrr} /><Cell f={r.grr} />
              {r.mix.map((f) => <Cell key={f.key} f={f} />)}
            </tr>
          ))}
          <tr className="board-segment-company">
            <td><strong>Company</strong></td><td className="num">{ALL}</td><Cell f={block.company.nrr} /><Cell f={block.company.grr} />
            {Array.from({ length: years }, (_, i) => <td key={i} className="num">{ALL}</td>)}
          </tr>
        </tbody>
      </table>
      <p className="board-footnote" data-key="board.segments.drag">
        {block.drag ? block.drag.sentence : `No segment falls short of the company's year-${block.year} NRR.`}
      </p>
    </section>
  );
}
