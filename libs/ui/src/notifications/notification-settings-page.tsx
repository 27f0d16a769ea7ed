import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { NotificationKind, NotificationPreferences } from '../api/types';
import { AsyncView } from '../components/async-view';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { SelectField } from '../components/select-field';
import { StatusMessage } from '../components/status-message';
import { rawText } from '../forms/form-values';
import { useAsync } from '../hooks/use-async';
import { useSubmit } from '../hooks/use-submit';
import { useT } from '../i18n/use-t';

/** The kinds in the order people think of them, in their words. */
const KINDS: { kind: NotificationKind; label: string; hint: string }[] = [
  { kind: 'appointment', label: 'Appointments', hint: 'Booked, moved or cancelled' },
  { kind: 'reminder', label: 'Reminders', hint: '24 hours and 15 minutes before' },
  { kind: 'prescription', label: 'Prescriptions', hint: 'A new prescription is ready' },
  { kind: 'chat', label: 'Chat messages', hint: 'While you are away from the chat' },
];

const CHANNELS = [
  { channel: 'email', label: 'Email' },
  { channel: 'sms', label: 'SMS' },
] as const;

/** Every zone the browser knows, the person's own first. */
function zoneOptions(current: string): { value: string; label: string }[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [current, ...zones.filter((zone) => zone !== current)].map((zone) => ({ value: zone, label: zone }));
}

export interface NotificationSettingsPageProps {
  api: ApiClient;
}

/**
 * Which notifications reach the person by email and by SMS, per kind, and the zone their times
 * are written in (`/notifications/preferences`). In-app notifications are always on.
 */
export function NotificationSettingsPage({ api }: NotificationSettingsPageProps) {
  const t = useT();
  const preferences = useAsync(
    (signal) => api.get<NotificationPreferences>('/notifications/preferences', { signal }),
    [],
  );
  const [saved, setSaved] = useState('');
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['timezone']);

  const save = handleSubmit(async (data) => {
    setSaved('');
    const switches = (channel: 'email' | 'sms') =>
      Object.fromEntries(KINDS.map(({ kind }) => [kind, data.get(`${channel}.${kind}`) === 'on']));
    await api.put<NotificationPreferences>('/notifications/preferences', {
      timezone: rawText(data, 'timezone'),
      email: switches('email'),
      sms: switches('sms'),
    });
    setSaved('Your notification settings are saved.');
  });

  return (
    <>
      <title>{t('Notification settings · Arogyam')}</title>
      <h1>{t('Notification settings')}</h1>
      <AsyncView
        state={preferences}
        loadingLabel={t('Loading your notification settings…')}
        errorTitle={t('We could not load your notification settings')}
      >
        {(current) => (
          <form className="card stack" onSubmit={save} noValidate aria-labelledby="channels-heading">
            <h2 id="channels-heading">{t('What reaches you outside Arogyam')}</h2>
            <p className="muted">{t('Everything always appears under the bell in Arogyam.')}</p>
            <table className="settings-table">
              <thead>
                <tr>
                  <th scope="col">{t('Notification')}</th>
                  {CHANNELS.map(({ channel, label }) => (
                    <th scope="col" key={channel}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {KINDS.map(({ kind, label, hint }) => (
                  <tr key={kind}>
                    <th scope="row">
                      {label}
                      <span className="muted settings-hint">{hint}</span>
                    </th>
                    {CHANNELS.map(({ channel, label: channelLabel }) => (
                      <td key={channel}>
                        <input
                          type="checkbox"
                          name={`${channel}.${kind}`}
                          aria-label={`${label} by ${channelLabel}`}
                          defaultChecked={current[channel][kind]}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <SelectField
              label={t('Time zone for the times in your notifications')}
              name="timezone"
              defaultValue={current.timezone}
              options={zoneOptions(current.timezone)}
              error={fieldErrors.timezone}
            />
            <FormError message={formError} />
            <StatusMessage message={saved} />
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                {t('Save settings')}
              </Button>
            </div>
          </form>
        )}
      </AsyncView>
    </>
  );
}
