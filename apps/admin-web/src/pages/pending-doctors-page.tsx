import {
  useT,
  AsyncView,
  EmptyState,
  Pagination,
  StatusMessage,
  useAsync,
  type DoctorProfile,
  type Page,
  type VerificationDecision,
} from '@arogyam/ui';
import { useState } from 'react';
import { PendingDoctorRow } from '../components/pending-doctor-row';
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
    pending.setData(
      (current) =>
        current && {
          ...current,
          items: current.items.filter((item) => item.id !== doctor.id),
          total: Math.max(0, current.total - 1),
        },
    );
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
      <AsyncView
        state={pending}
        loadingLabel={t('Loading doctors awaiting verification…')}
        errorTitle={t('We could not load the review queue')}
      >
        {(queue) =>
          queue.items.length === 0 ? (
            <EmptyState title={t('No doctors awaiting verification')}>
              <p>{t('New registrations appear here for review.')}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="review-list" aria-label={t('Doctors awaiting verification')}>
                {queue.items.map((doctor) => (
                  <PendingDoctorRow key={doctor.id} doctor={doctor} onDecided={removeDecided} />
                ))}
              </ul>
              <Pagination page={queue.page} limit={queue.limit} total={queue.total} onPageChange={setPage} />
            </>
          )
        }
      </AsyncView>
    </>
  );
}
