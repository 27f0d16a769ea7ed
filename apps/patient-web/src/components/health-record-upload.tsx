import { useRef, useState } from 'react';
import {
  translate,
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
  type RecordSharing,
} from '@arogyam/ui';
import { api } from '../session';
import type { MyDoctor } from '../use-my-doctors';
import { CHOOSE_A_DOCTOR, SharingChoice } from './sharing-choice';

const FIELDS = ['file', 'title', 'kind', 'recordedOn', 'notes', 'sharing', 'doctorIds'] as const;
/** As before per-doctor sharing: the doctors who care for the patient, unless they choose otherwise. */
const DEFAULT_SHARING: RecordSharing = { mode: 'all_my_doctors', doctorIds: [] };
const ACCEPTED = 'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp';
const MAX_MB = 10;

interface HealthRecordUploadProps {
  /** The doctors the patient may choose to share with. */
  doctors: MyDoctor[];
  onUploaded(record: HealthRecord): void;
}

/** Adds a record: the file (PDF or photo, up to 10 MB), what it is, and who may read it. */
export function HealthRecordUpload({ doctors, onUploaded }: HealthRecordUploadProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [sharing, setSharing] = useState<RecordSharing>(DEFAULT_SHARING);
  const [choiceError, setChoiceError] = useState<string>();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS, {
    payload_too_large: translate('The file is larger than {{mb}} MB. Upload a smaller scan or photo.', {
      mb: MAX_MB,
    }),
  });

  const upload = handleSubmit(async (data) => {
    const file = data.get('file');
    if (sharing.mode === 'chosen' && sharing.doctorIds.length === 0) {
      setChoiceError(CHOOSE_A_DOCTOR);
      return;
    }
    setChoiceError(undefined);
    const body = new FormData();
    for (const name of ['title', 'kind', 'recordedOn', 'notes'] as const) {
      const value = name === 'title' || name === 'kind' ? rawText(data, name) : optionalText(data, name);
      if (value !== undefined) body.append(name, value);
    }
    body.append('sharing', sharing.mode);
    if (sharing.mode === 'chosen') body.append('doctorIds', sharing.doctorIds.join(','));
    if (file instanceof File && file.size > 0) body.append('file', file, file.name);
    const record = await api.post<HealthRecord>('/patients/me/health-records', body);
    form.current?.reset();
    setSharing(DEFAULT_SHARING);
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
      <SharingChoice
        idPrefix="upload"
        doctors={doctors}
        value={sharing}
        onChange={(value) => {
          setChoiceError(undefined);
          setSharing(value);
        }}
        error={choiceError ?? fieldErrors.doctorIds ?? fieldErrors.sharing}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </Button>
      </div>
    </form>
  );
}
