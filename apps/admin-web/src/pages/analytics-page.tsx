import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  AsyncView,
  Button,
  EmptyState,
  SelectField,
  TextField,
  TimeZoneNote,
  formatMoney,
  useAsync,
  useT,
  type AnalyticsReport,
  type AnalyticsTable as TableName,
  type ConsultationOutcomeRow,
  type HourRow,
  type MoneyRow,
  type RatingRow,
  type SignupRow,
  type SpecialtyRow,
  type UtilisationRow,
} from '@arogyam/ui';
import {
  analyticsQuery,
  analyticsRangeFrom,
  paramsForRange,
  type AnalyticsRange,
  type RangePreset,
} from '../analytics-range';
import { MoneyChart, OutcomeChart } from '../components/analytics-charts';
import { CONSULTATION_OUTCOMES } from '../consultation-outcomes';
import { AnalyticsTable, type Column } from '../components/analytics-table';
import { api } from '../session';

const RANGE_OPTIONS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: 'custom', label: 'Dates of my choice' },
];

const PERIOD_OPTIONS = [
  { value: 'days', label: 'Per day' },
  { value: 'weeks', label: 'Per week' },
];

const percent = (ratio: number | null): string => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);

const OUTCOME_COLUMNS = (first: string): Column<ConsultationOutcomeRow>[] => [
  { label: first, cell: (row) => row.period },
  ...CONSULTATION_OUTCOMES.map(({ key, label }) => ({
    label,
    cell: (row: ConsultationOutcomeRow) => row[key],
  })),
];

const MONEY_COLUMNS: Column<MoneyRow>[] = [
  { label: 'Date', cell: (row) => row.period },
  { label: 'Revenue', cell: (row) => formatMoney(row.revenue) },
  { label: 'Refunds', cell: (row) => formatMoney(row.refunds) },
  { label: 'Net', cell: (row) => formatMoney(row.net) },
];

const SIGNUP_COLUMNS: Column<SignupRow>[] = [
  { label: 'Date', cell: (row) => row.period },
  { label: 'New patients', cell: (row) => row.patients },
  { label: 'New doctors', cell: (row) => row.doctors },
];

const SPECIALTY_COLUMNS: Column<SpecialtyRow>[] = [
  { label: 'Specialty', cell: (row) => row.specialty },
  { label: 'Consultations', cell: (row) => row.consultations },
  { label: 'Completed', cell: (row) => row.completed },
];

const HOUR_COLUMNS: Column<HourRow>[] = [
  { label: 'Hour', cell: (row) => `${String(row.hour).padStart(2, '0')}:00` },
  { label: 'Consultations', cell: (row) => row.consultations },
];

/** The hours in which consultations start, busiest first. */
const busiestFirst = (hours: HourRow[]): HourRow[] =>
  hours.filter((row) => row.consultations > 0).sort((a, b) => b.consultations - a.consultations);

const doctorCell = (row: { doctorId: string; doctorName?: string }) =>
  row.doctorName ?? <code>{row.doctorId}</code>;

const UTILISATION_COLUMNS: Column<UtilisationRow>[] = [
  { label: 'Doctor', cell: doctorCell },
  { label: 'Specialty', cell: (row) => row.specialty },
  { label: 'Published hours', cell: (row) => (row.publishedMinutes / 60).toFixed(1) },
  { label: 'Booked hours', cell: (row) => (row.bookedMinutes / 60).toFixed(1) },
  { label: 'Utilisation', cell: (row) => percent(row.utilisation) },
];

const RATING_COLUMNS: Column<RatingRow>[] = [
  { label: 'Doctor', cell: doctorCell },
  { label: 'Specialty', cell: (row) => row.specialty },
  { label: 'Reviews', cell: (row) => row.reviews },
  { label: 'Average stars', cell: (row) => row.averageRating.toFixed(2) },
];

/** Admins' figures of a date range in their own time zone: charts, tables and each table as CSV. */
export function AnalyticsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const range = analyticsRangeFrom(searchParams);
  const [draft, setDraft] = useState<AnalyticsRange>(range);
  const [period, setPeriod] = useState<'days' | 'weeks'>('days');
  const query = analyticsQuery(range);

  const report = useAsync(
    (signal) => api.get<AnalyticsReport>('/admin/analytics', { query, signal }),
    [query.from, query.to, query.tz],
  );

  const choosePreset = (preset: RangePreset) => {
    const next = { ...draft, preset };
    setDraft(next);
    if (preset !== 'custom') setSearchParams(paramsForRange(next));
  };
  const dateField = (field: 'from' | 'to', label: string) => (
    <TextField
      label={label}
      name={field}
      type="date"
      required
      value={draft[field]}
      onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
    />
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSearchParams(paramsForRange({ ...draft, preset: 'custom' }));
  };

  return (
    <>
      <title>{t('Analytics · Arogyam Admin')}</title>
      <h1>{t('Analytics')}</h1>
      <p className="muted">
        {t(
          'Consultations, money, sign-ups, utilisation and ratings of a date range, counted by the days of your time zone.',
        )}
      </p>
      <TimeZoneNote />
      <form className="filters" aria-label={t('Date range')} onSubmit={apply}>
        <SelectField
          label={t('Range')}
          name="range"
          options={RANGE_OPTIONS}
          value={draft.preset}
          onChange={(event) => choosePreset(event.target.value as RangePreset)}
        />
        {draft.preset === 'custom' && (
          <>
            {dateField('from', t('From'))}
            {dateField('to', t('To'))}
            <Button type="submit">{t('Show')}</Button>
          </>
        )}
      </form>
      <AsyncView
        state={report}
        loadingLabel={t('Loading the figures…')}
        errorTitle={t('We could not load the figures')}
      >
        {(figures) =>
          figures.summary.consultations === 0 &&
          figures.summary.revenue.amount === 0 &&
          figures.summary.refunds.amount === 0 &&
          figures.summary.newPatients + figures.summary.newDoctors + figures.summary.reviews === 0 ? (
            <EmptyState title={t('Nothing happened in this range.')} />
          ) : (
            <Report figures={figures} query={query} period={period} onPeriod={setPeriod} />
          )
        }
      </AsyncView>
    </>
  );
}

interface ReportProps {
  figures: AnalyticsReport;
  query: Record<string, string>;
  period: 'days' | 'weeks';
  onPeriod(period: 'days' | 'weeks'): void;
}

function Report({ figures, query, period, onPeriod }: ReportProps) {
  const t = useT();
  const { summary } = figures;
  const outcomeTable = period === 'days' ? t('Consultations per day') : t('Consultations per week');
  const table = <Row,>(name: TableName, title: string, columns: Column<Row>[], rows: Row[]) => (
    <AnalyticsTable table={name} title={title} columns={columns} rows={rows} query={query} />
  );
  return (
    <>
      <p className="results-summary">
        {t('From {{from}} to {{to}}', { from: figures.from, to: figures.to })}
      </p>
      <dl className="stats">
        <Stat label={t('Consultations')} value={summary.consultations} />
        <Stat label={t('Completed')} value={summary.completed} />
        <Stat label={t('Cancelled')} value={summary.cancelled} />
        <Stat label={t('Cancelled late')} value={summary.lateCancelled} />
        <Stat label={t('No-show')} value={summary.noShow} />
        <Stat label={t('Revenue')} value={formatMoney(summary.revenue)} />
        <Stat label={t('Refunds')} value={formatMoney(summary.refunds)} />
        <Stat label={t('Net')} value={formatMoney(summary.net)} />
        <Stat label={t('New patients')} value={summary.newPatients} />
        <Stat label={t('New doctors')} value={summary.newDoctors} />
        <Stat label={t('Utilisation')} value={percent(summary.utilisation)} />
        <Stat
          label={t('Average stars')}
          value={summary.averageRating === null ? '—' : summary.averageRating.toFixed(2)}
        />
      </dl>
      <SelectField
        label={t('Consultations shown')}
        name="period"
        options={PERIOD_OPTIONS}
        value={period}
        onChange={(event) => onPeriod(event.target.value === 'weeks' ? 'weeks' : 'days')}
      />
      <OutcomeChart rows={period === 'days' ? figures.days : figures.weeks} tableName={outcomeTable} />
      {period === 'days'
        ? table('days', t('Consultations per day'), OUTCOME_COLUMNS('Date'), figures.days)
        : table('weeks', t('Consultations per week'), OUTCOME_COLUMNS('Week from'), figures.weeks)}
      <MoneyChart rows={figures.money} tableName={t('Revenue and refunds per day')} />
      {table('money', t('Revenue and refunds per day'), MONEY_COLUMNS, figures.money)}
      {table('specialties', t('Busiest specialties'), SPECIALTY_COLUMNS, figures.specialties)}
      {table('hours', t('Busiest hours'), HOUR_COLUMNS, busiestFirst(figures.hours))}
      {table('utilisation', t('Utilisation per doctor'), UTILISATION_COLUMNS, figures.utilisation)}
      {table('ratings', t('Ratings'), RATING_COLUMNS, figures.ratings)}
      {table('signups', t('New patients and doctors per day'), SIGNUP_COLUMNS, figures.signups)}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
