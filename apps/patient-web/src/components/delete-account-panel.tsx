import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, FormError, PasswordField, rawText, useSession, useSubmit, useT } from '@arogyam/ui';
import { api } from '../session';

const MESSAGES = {
  wrong_password: 'Your password is not right.',
  visit_in_progress: 'You have a visit in progress; you can delete your account once it has ended.',
};

/**
 * "Delete my account" on the profile page: what goes, what the doctors keep and why, then the
 * password, then the deletion. The gateway ends the session; this tab signs out to a page saying so.
 */
export function DeleteAccountPanel() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['password'], MESSAGES);

  const submit = handleSubmit(async (data) => {
    await api.del('/users/me', undefined, { password: rawText(data, 'password') });
    // Away from the signed-in pages first, so they do not send the signed-out person to log in.
    navigate('/account-deleted', { replace: true });
    await session.logout();
  });

  return (
    <section className="card narrow" aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading">{t('Delete my account')}</h2>
      <p>
        {t(
          'Deleting your account erases your profile and contact details, your medical profile, your health records and their files, the messages you sent, the comments of your reviews and your notifications. Appointments still ahead are cancelled, and your doctors are told.',
        )}
      </p>
      <p>
        {t(
          'Your doctors keep the consultation notes they wrote and the prescriptions they issued, because the law requires them to keep these records; they will no longer show your name or contact details. Payments are kept for the accounts, without your details.',
        )}
      </p>
      {!confirming && (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('Delete my account')}
        </Button>
      )}
      {confirming && (
        <form onSubmit={submit} noValidate aria-labelledby="delete-account-confirm">
          <p id="delete-account-confirm">
            <strong>{t('This cannot be undone. Enter your password to delete your account.')}</strong>
          </p>
          <FormError message={formError} />
          <PasswordField
            label={t('Password')}
            name="password"
            purpose="current"
            autoFocus
            error={fieldErrors.password}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger" busy={busy}>
              {t('Delete my account for good')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('Keep my account')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
