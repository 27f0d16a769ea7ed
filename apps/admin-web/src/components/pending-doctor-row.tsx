import {
  useT,
  Button,
  FormError,
  formatDate,
  formatFileSize,
  optionalText,
  saveFile,
  useAction,
  useSubmit,
  type DoctorDocument,
  type DoctorProfile,
  type DoctorVerification,
  type VerificationDecision,
} from '@arogyam/ui';
import { useState } from 'react';
import { api } from '../session';
import { ReasonForm } from './reason-form';

interface PendingDoctorRowProps {
  doctor: DoctorProfile;
  /** Called once the server has recorded the decision, so the list can drop the row. */
  onDecided(doctor: DoctorProfile, decision: VerificationDecision): void;
}

/** One doctor awaiting review, with its own Approve and Reject (with a note) actions. */
export function PendingDoctorRow({ doctor, onDecided }: PendingDoctorRowProps) {
  const t = useT();
  const [rejecting, setRejecting] = useState(false);
  const approval = useAction();
  const rejection = useSubmit(['note']);

  const decide = (verification: DoctorVerification) =>
    api.post(`/admin/doctors/${encodeURIComponent(doctor.id)}/verify`, verification);

  const approve = () =>
    approval.run(async () => {
      await decide({ decision: 'approved' });
      onDecided(doctor, 'approved');
    });

  const opening = useAction();
  const openDocument = (document: DoctorDocument) =>
    opening.run(async () =>
      saveFile(
        await api.download(
          `/admin/doctors/${encodeURIComponent(doctor.id)}/documents/${encodeURIComponent(document.id)}/file`,
          document.fileName,
        ),
      ),
    );

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
        <dt>{t('Medical council')}</dt>
        <dd>{doctor.registrationCouncil ?? '—'}</dd>
        <dt>{t('Year of registration')}</dt>
        <dd>{doctor.registrationYear ?? '—'}</dd>
        <dt>{t('Experience')}</dt>
        <dd>
          {doctor.yearsOfExperience} {doctor.yearsOfExperience === 1 ? 'year' : 'years'}
        </dd>
        <dt>{t('City')}</dt>
        <dd>{doctor.city || '—'}</dd>
        <dt>{t('Registered')}</dt>
        <dd>{formatDate(doctor.createdAt)}</dd>
        <dt>{t('Documents')}</dt>
        <dd>
          {(doctor.documents ?? []).length === 0 ? (
            'None uploaded'
          ) : (
            <ul className="document-list">
              {(doctor.documents ?? []).map((document) => (
                <li key={document.id}>
                  <Button variant="secondary" onClick={() => void openDocument(document)}>
                    Open {document.fileName}
                  </Button>{' '}
                  <span className="muted">{formatFileSize(document.size)}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {doctor.verificationNote && (
          <>
            <dt>{t('Last rejected for')}</dt>
            <dd>{doctor.verificationNote}</dd>
          </>
        )}
      </dl>
      <FormError message={(opening.error ?? approval.error)?.message} />
      {rejecting ? (
        <ReasonForm
          submission={rejection}
          onSubmit={reject}
          name="note"
          label={t('Reason for rejection')}
          hint={t(
            'Required. The doctor is emailed this reason and sees it in their app, e.g. that the registration number was not found in the register.',
          )}
          required
          submitLabel={t('Confirm rejection')}
          danger
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <div className="row-actions">
          <Button busy={approval.busy} onClick={() => void approve()}>
            {t('Approve')}
          </Button>
          <Button variant="danger" disabled={approval.busy} onClick={() => setRejecting(true)}>
            {t('Reject')}
          </Button>
        </div>
      )}
    </li>
  );
}
