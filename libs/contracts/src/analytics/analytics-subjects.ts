/** analytics-service's request/reply subjects (queue group `analytics-service`). */
export const AnalyticsSubjects = {
  /** Admins: the figures of a date range in a time zone. */
  report: 'analytics.report.get',
  /** Admins and `npm run analytics:rebuild`: empties the read model and replays the event log. */
  rebuild: 'analytics.read_model.rebuild',
} as const;
