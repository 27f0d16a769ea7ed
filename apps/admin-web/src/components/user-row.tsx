import { useT, Button, FormError, formatDate, toApiError, type AdminUser } from '@arogyam/ui';
import { useState } from 'react';
import { api } from '../session';

interface UserRowProps {
  user: AdminUser;
  /** Called after the server changed the account, so the list can show the new status. */
  onChanged(message: string): void;
}

type AccountAction = 'suspend' | 'reactivate';

/** One account in the users table. Suspending ends the user's sessions at once, so it asks first. */
export function UserRow({ user, onChanged }: UserRowProps) {
  const t = useT();
  const [confirmingSuspend, setConfirmingSuspend] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: AccountAction) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/admin/users/${encodeURIComponent(user.id)}/${action}`);
      setConfirmingSuspend(false);
      onChanged(`${user.fullName} was ${action === 'suspend' ? 'suspended' : 'reactivated'}.`);
    } catch (thrown) {
      setError(toApiError(thrown).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row">{user.fullName}</th>
      <td>{user.email}</td>
      <td className="capitalize">{user.role}</td>
      <td>
        <span className={user.status === 'suspended' ? 'badge badge-suspended' : 'badge'}>{user.status}</span>
      </td>
      <td>{formatDate(user.createdAt)}</td>
      <td>
        <FormError message={error} />
        {user.status === 'suspended' && (
          <Button variant="secondary" busy={busy} onClick={() => run('reactivate')}>
            {t('Reactivate')}
          </Button>
        )}
        {user.status === 'active' && !confirmingSuspend && (
          <Button variant="danger" onClick={() => setConfirmingSuspend(true)}>
            {t('Suspend')}
          </Button>
        )}
        {user.status === 'active' && confirmingSuspend && (
          <div className="confirm-panel" role="group" aria-label={`Confirm suspending ${user.fullName}`}>
            <p>Suspend {user.fullName}? They are signed out at once and cannot log in until reactivated.</p>
            <div className="row-actions">
              <Button variant="danger" busy={busy} autoFocus onClick={() => run('suspend')}>
                {t('Confirm suspend')}
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => setConfirmingSuspend(false)}>
                {t('Cancel')}
              </Button>
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}
