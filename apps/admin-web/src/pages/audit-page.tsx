import {
  useT,
  Button,
  EmptyState,
  FormError,
  SelectField,
  TextField,
  formatDateTime,
  saveFile,
  useAction,
  useAsync,
  type AuditEntry,
  type Page,
} from '@arogyam/ui';
import { KIND_OPTIONS, auditFiltersFrom, auditQuery, paramsForAudit } from '../audit-filters';
import { DayRangeFields } from '../components/day-range-fields';
import { PagedTable } from '../components/paged-table';
import { api } from '../session';
import { useSearchFilters } from '../use-search-filters';

/** Admins search the audit trail (who reached which patient's clinical data) and export it as CSV. */
export function AuditPage() {
  const t = useT();
  const { filters, draft, key, show, search, edit } = useSearchFilters(auditFiltersFrom, paramsForAudit);
  const exporting = useAction();

  const entries = useAsync(
    (signal) =>
      api.get<Page<AuditEntry>>('/admin/audit', {
        query: { ...auditQuery(filters), page: filters.page },
        signal,
      }),
    [key],
  );

  return (
    <>
      <title>{t('Audit trail · Arogyam Admin')}</title>
      <h1>{t('Audit trail')}</h1>
      <p className="muted">
        {t("Who opened, changed or tried to reach each patient's clinical data, newest first.")}
      </p>
      <form className="filters" role="search" aria-label={t('Search the audit trail')} onSubmit={search}>
        <TextField
          label={t('Patient id')}
          name="patientId"
          value={draft.patientId}
          onChange={edit('patientId')}
        />
        <TextField label={t('Actor id')} name="actorId" value={draft.actorId} onChange={edit('actorId')} />
        <SelectField
          label={t('Kind')}
          name="kind"
          options={KIND_OPTIONS}
          value={draft.kind}
          onChange={edit('kind')}
        />
        <DayRangeFields draft={draft} edit={edit} />
        <Button type="submit">{t('Search')}</Button>
        <Button
          variant="secondary"
          busy={exporting.busy}
          onClick={() =>
            exporting.run(async () =>
              saveFile(
                await api.download('/admin/audit/export.csv', 'audit-trail.csv', {
                  query: auditQuery(filters),
                }),
              ),
            )
          }
        >
          {t('Download CSV')}
        </Button>
      </form>
      <FormError message={exporting.error?.message} />
      <PagedTable
        state={entries}
        loadingLabel={t('Loading the audit trail…')}
        errorTitle={t('We could not load the audit trail')}
        empty={<EmptyState title={t('No entries match this search.')} />}
        onPageChange={(page) => show({ ...filters, page })}
        label={t('Audit entries')}
        caption="Audit entries"
        headings={[t('When'), t('Actor'), t('Patient'), t('What'), t('Action'), t('Outcome'), t('How')]}
      >
        {(items) => items.map((entry) => <AuditRow key={entry.id} entry={entry} />)}
      </PagedTable>
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr>
      <td>{formatDateTime(entry.occurredAt)}</td>
      <td>
        {entry.actorRole} <code>{entry.actorId}</code>
      </td>
      <td>
        <code>{entry.patientId ?? '—'}</code>
      </td>
      <td>
        {entry.kind} <code>{entry.resourceId}</code>
      </td>
      <td>{entry.action}</td>
      <td>{entry.outcome}</td>
      <td>
        {entry.route ?? entry.subject}
        {entry.clientAddress ? ` from ${entry.clientAddress}` : ''}
      </td>
    </tr>
  );
}
