import { useRef } from 'react';
import {
  useT,
  Button,
  FormError,
  TextField,
  formatFileSize,
  saveFile,
  useAction,
  useSubmit,
  type DoctorDocument,
  type DoctorProfile,
} from '@arogyam/ui';
import { api } from '../session';

const ACCEPTED = 'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp';

interface VerificationDocumentsProps {
  profile: DoctorProfile;
  /** The profile after an upload or a removal (its documents changed). */
  onChanged(profile: DoctorProfile): void;
}

/** The registration certificate and degrees an admin checks: upload, open and remove them. */
export function VerificationDocuments({ profile, onChanged }: VerificationDocumentsProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['file'], {
    payload_too_large: 'The file is larger than 5 MB. Upload a smaller scan or photo.',
    unsupported_media_type: 'The file must be a PDF, or a JPEG, PNG or WebP photo.',
  });
  const action = useAction();
  const documents = profile.documents ?? [];

  const upload = handleSubmit(async (data) => {
    const file = data.get('file');
    const body = new FormData();
    if (file instanceof File && file.size > 0) body.append('file', file, file.name);
    onChanged(await api.post<DoctorProfile>('/doctors/me/documents', body));
    form.current?.reset();
  });
  const open = (document: DoctorDocument) =>
    action.run(async () =>
      saveFile(await api.download(`/doctors/me/documents/${document.id}/file`, document.fileName)),
    );
  const remove = (document: DoctorDocument) =>
    action.run(async () => onChanged(await api.del<DoctorProfile>(`/doctors/me/documents/${document.id}`)));

  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('Verification documents')}</h2>
      <p className="muted">
        {t(
          'Your registration certificate and degrees, for the Arogyam admin who verifies you. Only you and admins can open them.',
        )}
      </p>
      <FormError message={action.error?.message} />
      {documents.length === 0 ? (
        <p>{t('No documents yet.')}</p>
      ) : (
        <ul className="document-list">
          {documents.map((document) => (
            <li key={document.id}>
              {document.fileName} ({formatFileSize(document.size)}){' '}
              <Button variant="secondary" disabled={action.busy} onClick={() => void open(document)}>
                {t('Open')}
              </Button>{' '}
              <Button variant="danger" disabled={action.busy} onClick={() => void remove(document)}>
                {t('Remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form ref={form} onSubmit={upload} noValidate>
        <FormError message={formError} />
        <TextField
          label={t('Document')}
          name="file"
          type="file"
          accept={ACCEPTED}
          hint={t('A PDF, or a photo (JPEG, PNG, WebP), up to 5 MB.')}
          error={fieldErrors.file}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('Upload')}
          </Button>
        </div>
      </form>
    </section>
  );
}
