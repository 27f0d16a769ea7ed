import type { DoctorProfile } from '@arogyam/ui';
import { useT } from '@arogyam/ui';

type VerificationPanelProps = Pick<DoctorProfile, 'verificationStatus' | 'verificationNote'>;

/** Tells the doctor where their registration review stands; the server's status decides which panel shows. */
export function VerificationPanel({ verificationStatus, verificationNote }: VerificationPanelProps) {
  const t = useT();
  switch (verificationStatus) {
    case 'pending':
      return (
        <section className="status-panel status-panel-pending" aria-labelledby="verification-heading">
          <h2 id="verification-heading">{t('Awaiting verification')}</h2>
          <p>
            An Arogyam admin is reviewing your medical registration number. Until your profile is approved it
            is hidden from patients, so they cannot find or book you yet.
          </p>
          <p>
            You can keep your profile up to date in the meantime. This page shows the result once the review
            is done.
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
              <strong>{t('Note from the reviewer:')}</strong> {verificationNote}
            </p>
          )}
          <p>{t('If you believe this is a mistake, please contact Arogyam support.')}</p>
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
