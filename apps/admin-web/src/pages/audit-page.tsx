import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
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
import {
  KIND_OPTIONS,
  auditFiltersFrom,
  auditQuery,
  paramsForAudit,
  type AuditFilters,
} from '../audit-filters';
import { PagedTable } from '../components/paged-table';
import { api } from '../session';

/** Admins search the audit trail (who reached which patient's clinical data) and export it as CSV. */
export function AuditPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = auditFiltersFrom(searchParams);
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const exporting = useAction();

  const entries = useAsync(
    (signal) =>
      api.get<Page<AuditEntry>>('/admin/audit', {
        query: { ...auditQuery(filters), page: filters.page },
        signal,
      }),
    [searchParams.toString()],
  );

  const show = (next: AuditFilters) => setSearchParams(paramsForAudit(next));
  const search = (event: FormEvent) => {
    event.preventDefault();
    show({ ...draft, page: 1 });
  };
  const edit = (field: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

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
        <TextField
          label={t('From')}
          name="from"
          type="date"
          value={draft.fromDay}
          onChange={edit('fromDay')}
        />
        <TextField label={t('To')} name="to" type="date" value={draft.toDay} onChange={edit('toDay')} />
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
