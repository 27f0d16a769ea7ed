import {
  EmptyState,
  ErrorState,
  Loading,
  Pagination,
  useAsync,
  type DoctorProfile,
  type Page,
  type VerificationDecision,
} from '@arogyam/ui';
import { useState } from 'react';
import { PendingDoctorRow } from '../components/pending-doctor-row';
import { api } from '../session';

export function PendingDoctorsPage() {
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
  const removeDecided = (doctor: DoctorProfile, decision: VerificationDecision['decision']) => {
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
      <title>Doctor verification · Arogyam Admin</title>
      <h1>Doctors awaiting verification</h1>
      <p className="page-intro">
        Check each registration number with the medical council register, then approve the doctor or reject
        with a note they will see.
      </p>
      <p role="status" className={announcement ? 'form-success' : undefined}>
        {announcement}
      </p>
      {pending.loading && !pending.data && <Loading label="Loading doctors awaiting verification…" />}
      {pending.error && (
        <ErrorState
          title="We could not load the review queue"
          message={pending.error.message}
          onRetry={pending.reload}
        />
      )}
      {pending.data && !pending.error && pending.data.items.length === 0 && (
        <EmptyState title="No doctors awaiting verification">
          <p>New registrations appear here for review.</p>
        </EmptyState>
      )}
      {pending.data && !pending.error && pending.data.items.length > 0 && (
        <>
          <ul className="review-list" aria-label="Doctors awaiting verification">
            {pending.data.items.map((doctor) => (
              <PendingDoctorRow key={doctor.id} doctor={doctor} onDecided={removeDecided} />
            ))}
          </ul>
          <Pagination
            page={pending.data.page}
            limit={pending.data.limit}
            total={pending.data.total}
            onPageChange={setPage}
          />
        </>
      )}
    </>
  );
}
