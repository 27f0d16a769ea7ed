import {
  useT,
  EmptyState,
  PagedView,
  StatusMessage,
  useAsync,
  type DoctorProfile,
  type Page,
  type VerificationDecision,
} from '@arogyam/ui';
import { useState } from 'react';
import { PendingDoctorRow } from '../components/pending-doctor-row';
import { dropFromPage } from '../drop-from-page';
import { api } from '../session';

export function PendingDoctorsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [announcement, setAnnouncement] = useState('');
  const pending = useAsync(
    async (signal) =>
      api.get<Page<DoctorProfile>>('/admin/doctors', {
        query: { verificationStatus: 'pending', page },
        signal,
      }),
    [page],
  );

  // The server recorded the decision: the doctor is no longer pending, so the row leaves the list.
  const removeDecided = (doctor: DoctorProfile, decision: VerificationDecision) => {
    pending.setData(dropFromPage(doctor.id));
    setAnnouncement(`${doctor.fullName} was ${decision}.`);
  };

  return (
    <>
      <title>{t('Doctor verification · Arogyam Admin')}</title>
      <h1>{t('Doctors awaiting verification')}</h1>
      <p className="page-intro">
        {t(
          'Check each registration number with the medical council register, then approve the doctor or reject with a note they will see.',
        )}
      </p>
      <StatusMessage message={announcement} />
      <PagedView
        state={pending}
        loadingLabel={t('Loading doctors awaiting verification…')}
        errorTitle={t('We could not load the review queue')}
        empty={
          <EmptyState title={t('No doctors awaiting verification')}>
            <p>{t('New registrations appear here for review.')}</p>
          </EmptyState>
        }
        onPageChange={setPage}
      >
        {(items) => (
          <ul className="review-list" aria-label={t('Doctors awaiting verification')}>
            {items.map((doctor) => (
              <PendingDoctorRow key={doctor.id} doctor={doctor} onDecided={removeDecided} />
            ))}
          </ul>
        )}
      </PagedView>
    </>
  );
}
