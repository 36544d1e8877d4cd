// The board report as one printable page (issue 6; spec §6; seeds 003/004):
// headline tiles, the five charts, the lane table and the scenario comparison.
// The same component is the Board Report sheet on screen and the page that
// browser print and Electron's printToPDF turn into a PDF (print CSS in analysis.css).
import { boardComparison, type BoardReport, type BoardTile, type ChartId, type Comparison, formatFigure } from '@shared/report/index';
import type { DrawnChartSvg } from '@shared/report/draw';
import { ComparisonTable } from '../../comparison/ComparisonTable';
import { DrawnSvg } from '../../charts/DrawnChart';
import { BoardSegments } from './BoardSegments';
import { BOARD_BLOCKS } from './board-blocks';

export function BoardPage({ report, charts, comparison, scenarioName, horizonMonths }: {
  report: BoardReport; charts: DrawnChartSvg[]; comparison: Comparison | null; scenarioName: string | null; horizonMonths: number;
}) {
  const chart = (id: ChartId) => {
    const c = charts.find((x) => x.id === id);
    // Drawn by the analysis worker at the width it was laid out for; inline, so its words print as text.
    return c ? <DrawnSvg key={id} svg={c.svg} width={c.width} height={c.height} label={c.title} dataKey={`board.chart.${id}`} /> : null;
  };
  const cut = comparison && comparison.columns.length > 1 ? boardComparison(comparison) : null;
  return (
    <article className="board-page" data-key="board.page" aria-label="Board report">
      <header className="board-head">
        <div>
          <h1>{report.title}: post-sale revenue report</h1>
          <p className="board-sub">
            {scenarioName ? <>Scenario <strong data-key="board.scenario">{scenarioName}</strong> · </> : <>Base case · </>}
            {horizonMonths} months modelled · figures in {report.currency} · NRR bands and benchmarks as used by SaaS investors
          </p>
        </div>
      </header>

      <section className="board-tiles" aria-label="Headline figures">
        {report.tiles.map((t) => (t.id === 'takeaways' ? (
          <div key={t.id} className="board-tile board-takeaways" data-tile="takeaways">
            <h3>{t.title}</h3>
            <ul data-key="board.takeaways">{report.takeaways.map((line) => <li key={line}>{line}</li>)}</ul>
          </div>
        ) : <Tile key={t.id} tile={t} />))}
      </section>

      {report.segments ? <BoardSegments block={report.segments} /> : null}

      <section className="board-charts">
        <div className="board-chart board-chart-wide">{chart('bowtie')}</div>
        <div className="board-chart board-chart-wide">{chart('waterfall')}</div>
        <div className="board-chart">{chart('nrrDecomposition')}</div>
        {/* The lane chart is in the workbook; on the page the lane table says the same in less room, under the LTV curve. */}
        <div className="board-chart">
          {chart('ltvCurve')}
          <div className="board-lanes">
            <h3>Expansion lanes, end of year {report.lanes.year}</h3>
            <table className="board-lane-table">
              <thead><tr><th>Lane</th><th className="num">ARR</th><th className="num">Share</th><th className="num">Margin</th><th /></tr></thead>
              <tbody>
                {report.lanes.rows.map((l) => (
                  <tr key={l.id} className={l.belowFloor ? 'is-below-floor' : undefined}>
                    <td>{l.name}</td>
                    <td className="num" data-key={l.arr.key} data-value={String(l.arr.value)}>{l.arr.text}</td>
                    <td className="num" data-key={l.share.key} data-value={l.share.value === null ? undefined : String(l.share.value)}>{l.share.text}</td>
                    <td className="num" data-key={l.margin.key} data-value={String(l.margin.value)}>{l.margin.text}</td>
                    <td data-key={`board.lanes.${l.id}.floor`}>{l.belowFloor ? <span className="floor-flag">under {formatFigure(report.lanes.floor, 'percent')} floor</span> : ''}</td>
                  </tr>
                ))}
                {report.lanes.rows.length === 0 ? <tr><td colSpan={5} className="muted">No expansion lanes</td></tr> : null}
              </tbody>
            </table>
            <p className="board-footnote">Target: at least a 15% margin on incremental revenue.</p>
          </div>
        </div>
      </section>

      {BOARD_BLOCKS.map(({ id, component: Block }) => <Block key={id} />)}

      {cut ? (
        <section className="board-comparison" aria-label="Scenario comparison">
          <h3>Scenarios compared with the base{cut.omitted ? ` (${cut.omitted} more on the Scenarios sheet)` : ''}</h3>
          <ComparisonTable comparison={cut} currency={report.currency} compact />
        </section>
      ) : null}
    </article>
  );
}

function Tile({ tile }: { tile: BoardTile }) {
  const many = tile.figures.length > 1;
  return (
    <div className={`board-tile tone-${tile.tone}`} data-tile={tile.id}>
      <h3>{tile.title}</h3>
      <div className={`tile-figures ${many ? 'tile-figures-many' : ''}`}>
        {tile.figures.map((f, i) => (
          <div key={f.key} className={`tile-figure ${i === 0 ? 'tile-figure-main' : ''} ${f.format === 'text' ? 'tile-figure-text' : ''}`}>
            <span className="tile-value" data-key={f.key} data-value={f.value === null ? undefined : String(f.value)}>{f.text}</span>
            {many ? <span className="tile-label">{f.label}</span> : null}
          </div>
        ))}
      </div>
      {tile.verdict ? <p className={`tile-verdict verdict-${tile.verdict.tone}`} data-key={`board.verdict.${tile.id}`}>{tile.verdict.text}</p> : null}
      <p className="tile-note">{tile.note}</p>
    </div>
  );
}
