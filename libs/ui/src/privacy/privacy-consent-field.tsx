import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { optionalText } from '../forms/form-values';
import { useT } from '../i18n/use-t';
import { usePrivacyNotice } from './use-privacy-notice';

/** The API's name of the consent field: its problems appear beside the checkbox. */
export const PRIVACY_CONSENT_FIELD = 'privacyNoticeVersion';

export interface PrivacyConsentFieldProps {
  api: ApiClient;
  error?: string;
}

/**
 * "I have read and accept the privacy notice", with a link to it (a new tab, so what was typed
 * stays). Checked, the form sends the version of the notice it loaded; unchecked, none, and the
 * server's "required" problem shows here.
 */
export function PrivacyConsentField({ api, error }: PrivacyConsentFieldProps) {
  const t = useT();
  const notice = usePrivacyNotice(api);
  const [accepted, setAccepted] = useState(false);
  const errorId = error ? 'privacy-consent-error' : undefined;
  return (
    <div className={error ? 'field checkbox-field field-invalid' : 'field checkbox-field'}>
      <label>
        <input
          type="checkbox"
          name="privacyNoticeAccepted"
          checked={accepted}
          // Until the notice is loaded there is no version to accept.
          disabled={!notice.data}
          onChange={(event) => setAccepted(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
        />
        {t('I have read and accept the privacy notice')}
      </label>
      <p className="field-hint">
        <a href="/privacy" target="_blank" rel="noopener">
          {t('Read the privacy notice')}
        </a>
        {notice.data && ` (${t('version')} ${notice.data.version})`}
      </p>
      {accepted && notice.data && (
        <input type="hidden" name={PRIVACY_CONSENT_FIELD} value={notice.data.version} />
      )}
      {notice.error && <p className="field-error">{t('Could not load the privacy notice')}</p>}
      {error && (
        <p id={errorId} className="field-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}

/**
 * The accepted version; absent when the box is unchecked, which the server refuses as required (the
 * type says string because the body's type is the API's; the server is the one judge of input).
 */
export function readPrivacyConsent(data: FormData): { privacyNoticeVersion: string } {
  return { privacyNoticeVersion: optionalText(data, PRIVACY_CONSENT_FIELD) as string };
}
