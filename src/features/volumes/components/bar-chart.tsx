// A bar chart drawn here, without a chart library (docs/decisions/0012): one row per value, its
// label, an SVG bar scaled to the largest value, and the number. Each row that leads somewhere is
// one link (keyboard-reachable, named by its words: "Erred: 12 volumes"); the numbers are also a
// real table
// under "Show as table", for screen readers and for copying. Logical CSS and a mirrored bar make
// it right to left; the tokens make it dark; the rows wrap at phone size.
import './bar-chart.css';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatInteger } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { Tone } from '../model/states';

export interface ChartBar {
  key: string;
  /** The value's name, translated. */
  label: string;
  value: number;
  /** Where its bar leads (the list it counts); none: a plain row. */
  href?: string;
  tone?: Tone;
}

/** The bar: a share of the largest value; a value above 0 always shows a sliver. */
function Bar({ value, max, tone }: { value: number; max: number; tone: Tone }) {
  const width = value <= 0 || max <= 0 ? 0 : Math.max((value / max) * 100, 1);
  return (
    <svg
      className="bar-chart__track"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="bar-chart__rest" x="0" y="0" width="100" height="10" />
      <rect
        className={`bar-chart__bar bar-chart__bar--${tone}`}
        x="0"
        y="0"
        width={width}
        height="10"
      />
    </svg>
  );
}

/**
 * The tags a row's words (`text`) use, so that a link is named by what it shows: `<label>` and
 * `<value>` are the visible label and number, `<hidden>` what only a screen reader says ("<label>Erred
 * <hidden>:</hidden></label> <value>12<hidden> volumes</hidden></value>"). One message, so translators order it.
 */
export const BAR_TAGS = {
  label: (c: ReactNode) => <span className="bar-chart__label">{c}</span>,
  value: (c: ReactNode) => <span className="bar-chart__value">{c}</span>,
  /** Inline (no box of its own), so that the name reads "Erred: 12 volumes", not "Erred : 12". */
  hidden: (c: ReactNode) => <span className="bar-chart__said">{c}</span>,
};

export function BarChart({
  label,
  bars,
  text,
  valueHeader,
  labelHeader,
  note,
  table = bars,
}: {
  /** The chart's name (its section heading's words): the list's and the table's caption. */
  label: string;
  bars: readonly ChartBar[];
  /** A row's words with `BAR_TAGS`: what it shows, and what names its link ("Erred: 12 volumes"). */
  text: (bar: ChartBar) => ReactNode;
  /** The table's column headers: "State", "Volumes". */
  labelHeader: string;
  valueHeader: string;
  /** Said under the chart (what it leaves out). */
  note?: ReactNode;
  /** The table's rows, when it says more than the bars (values at 0 the chart leaves out). */
  table?: readonly ChartBar[];
}) {
  const t = useT();
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <div className="bar-chart">
      <ul className="bar-chart__rows" aria-label={label}>
        {bars.map((bar) => {
          const content = (
            <>
              {text(bar)}
              <Bar value={bar.value} max={max} tone={bar.tone ?? 'neutral'} />
            </>
          );
          return (
            <li key={bar.key}>
              {bar.href ? (
                <Link to={bar.href} className="bar-chart__row">
                  {content}
                </Link>
              ) : (
                <span className="bar-chart__row">{content}</span>
              )}
            </li>
          );
        })}
      </ul>
      {note ? <p className="muted bar-chart__note">{note}</p> : null}
      <details className="bar-chart__table">
        <summary>{t('Show as table')}</summary>
        <table className="table">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col" className="num">
                {valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                <td className="num">{formatInteger(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
