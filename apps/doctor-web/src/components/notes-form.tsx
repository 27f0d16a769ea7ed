import {
  useT,
  Button,
  FormError,
  SOAP_FIELDS,
  StatusMessage,
  TextAreaField,
  useSubmit,
  type ClinicalNotes,
  type ClinicalNotesChanges,
} from '@arogyam/ui';
import { useState } from 'react';
import { clearDraft, editableNotes, readDraft, sameNotes, writeDraft } from '../notes-draft';
import { api } from '../session';

const FIELDS = [...SOAP_FIELDS.map((field) => field.name), 'sharedWithPatient'];

interface NotesFormProps {
  appointmentId: string;
  /** The notes on the server; null while none were saved. */
  saved: ClinicalNotes | null;
  onSaved(notes: ClinicalNotes): void;
}

/** The SOAP editor. Every change is kept as a local draft until the server accepts the notes. */
export function NotesForm({ appointmentId, saved, onSaved }: NotesFormProps) {
  const t = useT();
  const [start] = useState(() => {
    const draft = readDraft(appointmentId);
    const restored = draft !== null && !sameNotes(draft, editableNotes(saved));
    return { values: restored ? draft : editableNotes(saved), restored };
  });
  const [values, setValues] = useState<ClinicalNotesChanges>(start.values);
  const [restored, setRestored] = useState(start.restored);
  const [savedMessage, setSavedMessage] = useState('');
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS);

  const change = (changes: Partial<ClinicalNotesChanges>) => {
    const next = { ...values, ...changes };
    setValues(next);
    setSavedMessage('');
    writeDraft(appointmentId, next);
  };

  const discardDraft = () => {
    clearDraft(appointmentId);
    setValues(editableNotes(saved));
    setRestored(false);
  };

  const save = handleSubmit(async () => {
    setSavedMessage('');
    const answer = await api.put<ClinicalNotes>(
      `/appointments/${encodeURIComponent(appointmentId)}/notes`,
      values,
    );
    clearDraft(appointmentId);
    setRestored(false);
    onSaved(answer);
    setSavedMessage(values.sharedWithPatient ? 'Notes saved and shared with the patient.' : 'Notes saved.');
  });

  return (
    <form onSubmit={save} noValidate>
      {restored && (
        <div className="notice" role="status">
          <p>{t('Restored your unsaved draft. Save the notes to keep it, or discard it.')}</p>
          <Button variant="quiet" disabled={busy} onClick={discardDraft}>
            {t('Discard draft')}
          </Button>
        </div>
      )}
      <FormError message={formError} />
      {SOAP_FIELDS.map(({ name, label }) => (
        <TextAreaField
          key={name}
          label={label}
          name={name}
          rows={3}
          value={values[name]}
          onChange={(event) => change({ [name]: event.target.value })}
          error={fieldErrors[name]}
        />
      ))}
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            name="sharedWithPatient"
            checked={values.sharedWithPatient}
            onChange={(event) => change({ sharedWithPatient: event.target.checked })}
            aria-describedby="share-hint"
          />
          {t('Share with patient')}
        </label>
        <p id="share-hint" className="field-hint">
          {t("Shared notes appear on the patient's appointment page.")}
        </p>
        {fieldErrors.sharedWithPatient && <p className="field-error">{fieldErrors.sharedWithPatient}</p>}
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('Save notes')}
        </Button>
        <StatusMessage message={savedMessage} />
      </div>
    </form>
  );
}
