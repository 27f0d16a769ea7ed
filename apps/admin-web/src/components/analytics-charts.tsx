import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReactNode } from 'react';
import { formatMoney, useT, type ConsultationOutcomeRow, type MoneyRow } from '@arogyam/ui';
import { CONSULTATION_OUTCOMES } from '../consultation-outcomes';

// SVG attributes take colours, not CSS variables: the stylesheet's palette, spelled out.
const COLOURS = {
  completed: '#146c43',
  cancelled: '#6b7280',
  lateCancelled: '#8a4b00',
  noShow: '#b42318',
  open: '#1d4ed8',
  revenue: '#0f766e',
  refunds: '#b42318',
  net: '#115e59',
};

interface PeriodChartProps {
  /** Names the drawing, one image to assistive technology, and points to the table with the same figures. */
  label: string;
  caption: string;
  chart: typeof BarChart | typeof ComposedChart;
  /** One entry per day or week, its `period` on the x axis. */
  data: object[];
  /**
   * How a figure reads on the y axis and in the tooltip when the figures are amounts (given room on
   * the left); without it they are counts, in whole numbers.
   */
  amount?: (value: number) => string;
  /** The series. */
  children: ReactNode;
}

/**
 * A chart of figures per day or week as a captioned figure, with its axes, tooltip and legend. The
 * drawing is one image to assistive technology, named by `label`, which points to the table with
 * the same figures (the text alternative).
 */
function PeriodChart({ label, caption, chart: Chart, data, amount, children }: PeriodChartProps) {
  return (
    <figure className="analytics-chart">
      <div role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height={280}>
          <Chart data={data} margin={{ top: 8, right: 16, bottom: 8, left: amount ? 16 : 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            {amount ? <YAxis tickFormatter={amount} /> : <YAxis allowDecimals={false} />}
            <Tooltip formatter={amount && ((value) => amount(Number(value)))} />
            <Legend />
            {children}
          </Chart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}

/**
 * Consultations per day or week, stacked by outcome. The chart is a picture for sighted readers;
 * the same figures are in the table below it, which it names.
 */
export function OutcomeChart({ rows, tableName }: { rows: ConsultationOutcomeRow[]; tableName: string }) {
  const t = useT();
  const table = { table: tableName };
  return (
    <PeriodChart
      label={t('Chart of consultations by outcome; the figures are in the table "{{table}}".', table)}
      caption={t('Consultations by outcome')}
      chart={BarChart}
      data={rows}
    >
      {CONSULTATION_OUTCOMES.map(({ key, label }) => (
        <Bar key={key} dataKey={key} name={t(label)} stackId="outcome" fill={COLOURS[key]} />
      ))}
    </PeriodChart>
  );
}

/** Revenue and refunds per day as bars, net as a line; amounts in rupees. The table below has the same. */
export function MoneyChart({ rows, tableName }: { rows: MoneyRow[]; tableName: string }) {
  const t = useT();
  const data = rows.map((row) => ({
    period: row.period,
    revenue: row.revenue.amount / 100,
    refunds: row.refunds.amount / 100,
    net: row.net.amount / 100,
  }));
  const rupees = (value: number) => formatMoney({ amount: Math.round(value * 100), currency: 'INR' });
  const table = { table: tableName };
  return (
    <PeriodChart
      label={t('Chart of revenue, refunds and net; the figures are in the table "{{table}}".', table)}
      caption={t('Revenue, refunds and net')}
      chart={ComposedChart}
      data={data}
      amount={rupees}
    >
      <Bar dataKey="revenue" name={t('Revenue')} fill={COLOURS.revenue} />
      <Bar dataKey="refunds" name={t('Refunds')} fill={COLOURS.refunds} />
      <Line dataKey="net" name={t('Net')} stroke={COLOURS.net} dot={false} />
    </PeriodChart>
  );
}
