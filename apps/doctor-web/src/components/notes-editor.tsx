import { useT, AsyncView, useClinicalNotes } from '@arogyam/ui';
import { api } from '../session';
import { NotesForm } from './notes-form';

/** The consultation's SOAP notes: loaded (404: none yet), then edited in a form that keeps drafts. */
export function NotesEditor({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const notes = useClinicalNotes(api, appointmentId);

  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('Clinical notes')}</h2>
      <AsyncView
        state={notes}
        loadingLabel={t('Loading notes…')}
        errorTitle={t('We could not load the notes')}
      >
        {(saved) => (
          <NotesForm
            key={appointmentId}
            appointmentId={appointmentId}
            saved={saved}
            onSaved={notes.setData}
          />
        )}
      </AsyncView>
    </section>
  );
}
