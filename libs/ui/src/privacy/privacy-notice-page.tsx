import type { ApiClient } from '../api/api-client';
import { AsyncView } from '../components/async-view';
import { useT } from '../i18n/use-t';
import { usePrivacyNotice } from './use-privacy-notice';

export interface PrivacyNoticePageProps {
  api: ApiClient;
}

/**
 * The current privacy notice, as the server serves it (its text is the English of record, the
 * notice a registration accepts by its version).
 */
export function PrivacyNoticePage({ api }: PrivacyNoticePageProps) {
  const t = useT();
  const notice = usePrivacyNotice(api);
  return (
    <section className="card narrow">
      <title>{`${t('Privacy notice')} · Arogyam`}</title>
      <h1>{t('Privacy notice')}</h1>
      <AsyncView
        state={notice}
        loadingLabel="Loading the privacy notice…"
        errorTitle="Could not load the privacy notice"
      >
        {(view) => (
          <>
            <p className="muted">
              {t('Version')} {view.version}
            </p>
            {view.sections.map((section) => (
              <section key={section.heading}>
                <h2>{section.heading}</h2>
                <p>{section.text}</p>
              </section>
            ))}
          </>
        )}
      </AsyncView>
    </section>
  );
}
