import { useRef } from 'react';
import {
  useT,
  Button,
  FormError,
  HEALTH_RECORD_KIND_OPTIONS,
  SelectField,
  TextAreaField,
  TextField,
  optionalText,
  rawText,
  useSubmit,
  type HealthRecord,
} from '@arogyam/ui';
import { api } from '../session';

const FIELDS = ['file', 'title', 'kind', 'recordedOn', 'notes', 'sharedWithDoctors'] as const;
const ACCEPTED = 'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp';
const MAX_MB = 10;

interface HealthRecordUploadProps {
  onUploaded(record: HealthRecord): void;
}

/** Adds a record: the file (PDF or photo, up to 10 MB) and what it is. */
export function HealthRecordUpload({ onUploaded }: HealthRecordUploadProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS, {
    413: `The file is larger than ${MAX_MB} MB. Upload a smaller scan or photo.`,
  });

  const upload = handleSubmit(async (data) => {
    const file = data.get('file');
    const body = new FormData();
    for (const name of ['title', 'kind', 'recordedOn', 'notes'] as const) {
      const value = name === 'title' || name === 'kind' ? rawText(data, name) : optionalText(data, name);
      if (value !== undefined) body.append(name, value);
    }
    // An unticked box is absent from the form: say "false" outright.
    body.append('sharedWithDoctors', data.get('sharedWithDoctors') === 'on' ? 'true' : 'false');
    if (file instanceof File && file.size > 0) body.append('file', file, file.name);
    const record = await api.post<HealthRecord>('/patients/me/health-records', body);
    form.current?.reset();
    onUploaded(record);
  });

  return (
    <form ref={form} onSubmit={upload} noValidate aria-labelledby="upload-heading" className="card">
      <h2 id="upload-heading">{t('Add a record')}</h2>
      <FormError message={formError} />
      <TextField
        label={t('File')}
        name="file"
        type="file"
        accept={ACCEPTED}
        required
        hint={`A PDF, or a photo (JPEG, PNG, WebP), up to ${MAX_MB} MB.`}
        error={fieldErrors.file}
      />
      <TextField label={t('Title')} name="title" required maxLength={200} error={fieldErrors.title} />
      <SelectField
        label={t('Kind')}
        name="kind"
        options={HEALTH_RECORD_KIND_OPTIONS}
        error={fieldErrors.kind}
      />
      <TextField
        label={t('Date of the test or visit')}
        name="recordedOn"
        type="date"
        hint={t('Optional.')}
        error={fieldErrors.recordedOn}
      />
      <TextAreaField
        label={t('Notes')}
        name="notes"
        rows={2}
        maxLength={1000}
        hint={t('Optional.')}
        error={fieldErrors.notes}
      />
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            name="sharedWithDoctors"
            defaultChecked
            aria-describedby="share-records-hint"
          />
          {t('Share with my doctors')}
        </label>
        <p id="share-records-hint" className="field-hint">
          {t('The doctors you have appointments with can read it. Untick to keep it to yourself.')}
        </p>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </Button>
      </div>
    </form>
  );
}
