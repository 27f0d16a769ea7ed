import { Translated, useT, Button, FormError, useAction, type DoctorProfile } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { api } from '../session';

interface VerificationPanelProps extends Pick<DoctorProfile, 'verificationStatus' | 'verificationNote'> {
  /** The profile after a rejected doctor sent it for review again. */
  onResubmitted(profile: DoctorProfile): void;
}

/** Tells the doctor where their registration review stands; the server's status decides which panel shows. */
export function VerificationPanel({
  verificationStatus,
  verificationNote,
  onResubmitted,
}: VerificationPanelProps) {
  const t = useT();
  const resubmission = useAction();
  const resubmit = () =>
    resubmission.run(async () =>
      onResubmitted(await api.post<DoctorProfile>('/doctors/me/verification/resubmit')),
    );

  switch (verificationStatus) {
    case 'pending':
      return (
        <section className="status-panel status-panel-pending" aria-labelledby="verification-heading">
          <h2 id="verification-heading">{t('Awaiting verification')}</h2>
          <p>
            {t(
              'An Arogyam admin is reviewing your medical registration number. Until your profile is approved it is hidden from patients, so they cannot find or book you yet.',
            )}
          </p>
          <p>
            {t(
              'You can keep your profile up to date in the meantime. This page shows the result once the review is done.',
            )}
          </p>
        </section>
      );
    case 'rejected':
      return (
        <section className="status-panel status-panel-rejected" aria-labelledby="verification-heading">
          <h2 id="verification-heading">{t('Verification rejected')}</h2>
          <p>{t('Your registration could not be verified, so your profile stays hidden from patients.')}</p>
          {verificationNote && (
            <p>
              <strong>{t('Reason from the reviewer:')}</strong> {verificationNote}
            </p>
          )}
          <p>
            <Translated
              text="{{correct}}, then send them for review again. If you believe this is a mistake, please contact Arogyam support."
              values={{ correct: <Link to="/profile">{t('Correct your details')}</Link> }}
            />
          </p>
          <FormError message={resubmission.error?.message} />
          <Button busy={resubmission.busy} onClick={() => void resubmit()}>
            {t('Send for review again')}
          </Button>
        </section>
      );
    case 'approved':
      return (
        <section className="status-panel status-panel-approved" aria-labelledby="verification-heading">
          <h2 id="verification-heading">{t('Verified')}</h2>
          <p>{t('Your registration is verified. Patients can find you in search and book consultations.')}</p>
        </section>
      );
  }
}
