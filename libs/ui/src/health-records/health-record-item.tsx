import type { ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { HealthRecord } from '../api/types';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { saveFile } from '../files/save-file';
import { formatDate } from '../format/format-date';
import { formatFileSize } from '../format/format-size';
import { useAction } from '../hooks/use-action';
import { HEALTH_RECORD_KIND_LABELS } from './health-record-kinds';
import { useT } from '../i18n/use-t';

export interface HealthRecordItemProps {
  api: ApiClient;
  record: HealthRecord;
  /** Where its file is downloaded from (the patient's own route, or the doctor's via an appointment). */
  filePath: string;
  /** More actions (the patient's Delete). */
  actions?: ReactNode;
  /** Who may read it besides the patient, in words (the patient's own list). */
  sharing?: ReactNode;
}

/** One health record as a list item: what it is, when, its file, and a download. */
export function HealthRecordItem({ api, record, filePath, actions, sharing }: HealthRecordItemProps) {
  const t = useT();
  const download = useAction();
  const headingId = `health-record-${record.id}`;
  return (
    <li className="card health-record" aria-labelledby={headingId}>
      <h3 id={headingId}>{record.title}</h3>
      <dl className="details-list">
        <dt>{t('Kind')}</dt>
        <dd>{HEALTH_RECORD_KIND_LABELS[record.kind]}</dd>
        {record.recordedOn && (
          <>
            <dt>{t('Date')}</dt>
            <dd>{formatDate(record.recordedOn)}</dd>
          </>
        )}
        <dt>{t('File')}</dt>
        <dd>
          {record.fileName} <span className="muted">({formatFileSize(record.size)})</span>
        </dd>
        <dt>{t('Added')}</dt>
        <dd>{formatDate(record.createdAt)}</dd>
        {sharing !== undefined && (
          <>
            <dt>{t('Shared with')}</dt>
            <dd>{sharing}</dd>
          </>
        )}
      </dl>
      {record.notes && <p>{record.notes}</p>}
      <FormError message={download.error?.message} />
      <div className="actions">
        <Button
          variant="secondary"
          busy={download.busy}
          onClick={() => download.run(async () => saveFile(await api.download(filePath, record.fileName)))}
        >
          Download<span className="visually-hidden"> {record.title}</span>
        </Button>
        {actions}
      </div>
    </li>
  );
}
