import {
  useT,
  Button,
  FormError,
  TextAreaField,
  formatDate,
  optionalText,
  toApiError,
  useSubmit,
  type DoctorProfile,
  type DoctorVerification,
  type VerificationDecision,
} from '@arogyam/ui';
import { useState } from 'react';
import { api } from '../session';

interface PendingDoctorRowProps {
  doctor: DoctorProfile;
  /** Called once the server has recorded the decision, so the list can drop the row. */
  onDecided(doctor: DoctorProfile, decision: VerificationDecision): void;
}

/** One doctor awaiting review, with its own Approve and Reject (with a note) actions. */
export function PendingDoctorRow({ doctor, onDecided }: PendingDoctorRowProps) {
  const t = useT();
  const [rejecting, setRejecting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [approveError, setApproveError] = useState<string | null>(null);
  const rejection = useSubmit(['note']);

  const decide = (verification: DoctorVerification) =>
    api.post(`/admin/doctors/${encodeURIComponent(doctor.id)}/verify`, verification);

  const approve = async () => {
    setApproving(true);
    setApproveError(null);
    try {
      await decide({ decision: 'approved' });
      onDecided(doctor, 'approved');
    } catch (thrown) {
      setApproveError(toApiError(thrown).message);
      setApproving(false);
    }
  };

  const reject = rejection.handleSubmit(async (data) => {
    await decide({ decision: 'rejected', note: optionalText(data, 'note') });
    onDecided(doctor, 'rejected');
  });

  return (
    <li className="card">
      <h2>{doctor.fullName}</h2>
      <dl className="details-list">
        <dt>{t('Email')}</dt>
        <dd>{doctor.email}</dd>
        <dt>{t('Specialization')}</dt>
        <dd>{doctor.specialization}</dd>
        <dt>{t('Registration number')}</dt>
        <dd>{doctor.licenseNumber}</dd>
        <dt>{t('Experience')}</dt>
        <dd>
          {doctor.yearsOfExperience} {doctor.yearsOfExperience === 1 ? 'year' : 'years'}
        </dd>
        <dt>{t('City')}</dt>
        <dd>{doctor.city || '—'}</dd>
        <dt>{t('Registered')}</dt>
        <dd>{formatDate(doctor.createdAt)}</dd>
      </dl>
      <FormError message={approveError} />
      {rejecting ? (
        <form className="confirm-panel" onSubmit={reject} noValidate>
          <FormError message={rejection.formError} />
          <TextAreaField
            label={t('Rejection note')}
            name="note"
            rows={3}
            autoFocus
            hint={t(
              'The doctor sees this note, e.g. that the registration number was not found in the register.',
            )}
            error={rejection.fieldErrors.note}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger" busy={rejection.busy}>
              {t('Confirm rejection')}
            </Button>
            <Button variant="secondary" disabled={rejection.busy} onClick={() => setRejecting(false)}>
              {t('Cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="row-actions">
          <Button busy={approving} onClick={approve}>
            {t('Approve')}
          </Button>
          <Button variant="danger" disabled={approving} onClick={() => setRejecting(true)}>
            {t('Reject')}
          </Button>
        </div>
      )}
    </li>
  );
}
