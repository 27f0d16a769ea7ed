import { useState } from 'react';
import { useT, Button, FormError, useAction, type HealthRecord, type RecordSharing } from '@arogyam/ui';
import { api } from '../session';
import type { MyDoctor } from '../use-my-doctors';
import { CHOOSE_A_DOCTOR, SharingChoice } from './sharing-choice';

interface RecordSharingControlProps {
  record: HealthRecord;
  doctors: MyDoctor[];
  onChanged(record: HealthRecord): void;
}

/** "Change sharing": who may read one record, changed (or revoked) at once. */
export function RecordSharingControl({ record, doctors, onChanged }: RecordSharingControlProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState<RecordSharing>(record.sharing);
  const [choiceError, setChoiceError] = useState<string>();
  const save = useAction();
  if (!editing) {
    return (
      <Button
        variant="quiet"
        onClick={() => {
          setSharing(record.sharing);
          setEditing(true);
        }}
      >
        Change sharing<span className="visually-hidden"> of {record.title}</span>
      </Button>
    );
  }
  return (
    <div className="confirm-panel" role="group" aria-label={`Who can read ${record.title}`}>
      <SharingChoice
        idPrefix={`record-${record.id}`}
        doctors={doctors}
        value={sharing}
        onChange={(value) => {
          setChoiceError(undefined);
          setSharing(value);
        }}
        error={choiceError}
      />
      <FormError message={save.error?.message} />
      <div className="form-actions">
        <Button
          busy={save.busy}
          onClick={() => {
            if (sharing.mode === 'chosen' && sharing.doctorIds.length === 0) {
              setChoiceError(CHOOSE_A_DOCTOR);
              return;
            }
            void save.run(async () => {
              const changed = await api.patch<HealthRecord>(
                `/patients/me/health-records/${encodeURIComponent(record.id)}/sharing`,
                sharing,
              );
              setEditing(false);
              onChanged(changed);
            });
          }}
        >
          {t('Save sharing')}
        </Button>
        <Button variant="secondary" disabled={save.busy} onClick={() => setEditing(false)}>
          {t('Cancel')}
        </Button>
      </div>
    </div>
  );
}
