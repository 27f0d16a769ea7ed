import { useT, AsyncView, EmptyState, SOAP_FIELDS, formatDateTime, useClinicalNotes } from '@arogyam/ui';
import { api } from '../session';

/** The doctor's SOAP notes, once the doctor has shared them (until then the server answers 404). */
export function SharedNotes({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const notes = useClinicalNotes(api, appointmentId);

  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('Clinical notes')}</h2>
      <AsyncView
        state={notes}
        loadingLabel={t('Loading notes…')}
        errorTitle={t('We could not load the notes')}
      >
        {(shared) =>
          !shared || !shared.sharedWithPatient ? (
            <EmptyState title={t('No notes shared yet')}>
              <p>{t("Your doctor's notes appear here once they share them with you.")}</p>
            </EmptyState>
          ) : (
            <div className="card">
              <dl className="notes-list">
                {SOAP_FIELDS.map((field) => (
                  <div key={field.name}>
                    <dt>{field.label}</dt>
                    <dd>{shared[field.name] || '—'}</dd>
                  </div>
                ))}
              </dl>
              {shared.updatedAt && <p className="muted">Last updated {formatDateTime(shared.updatedAt)}.</p>}
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
