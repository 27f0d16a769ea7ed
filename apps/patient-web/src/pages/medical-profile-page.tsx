import { useState } from 'react';
import {
  useT,
  ALLERGY_SEVERITY_OPTIONS,
  AsyncView,
  BLOOD_GROUP_OPTIONS,
  Button,
  FormError,
  SelectField,
  StatusMessage,
  formatDate,
  itemError,
  listError,
  useAsync,
  useSubmit,
  type MedicalProfile,
} from '@arogyam/ui';
import { EditableRows, type RowColumn } from '../components/editable-rows';
import {
  changesOf,
  draftOf,
  newAllergy,
  newCondition,
  newMedicine,
  type AllergyField,
  type MedicalProfileDraft,
  type MedicineField,
  type SentRows,
} from '../medical-profile-draft';
import { api } from '../session';

const PATH = '/patients/me/medical-profile';
const FIELDS = ['allergies', 'chronicConditions', 'currentMedicines', 'bloodGroup'] as const;

const ALLERGY_COLUMNS: readonly RowColumn<AllergyField>[] = [
  {
    name: 'substance',
    label: 'Allergic to',
    hint: 'A medicine, food or other substance.',
  },
  { name: 'reaction', label: 'Reaction', hint: 'Optional. For example, rash.' },
  { name: 'severity', label: 'Severity', options: ALLERGY_SEVERITY_OPTIONS },
];

const CONDITION_COLUMNS: readonly RowColumn<'name'>[] = [
  { name: 'name', label: 'Condition', hint: 'For example, type 2 diabetes.' },
];

const MEDICINE_COLUMNS: readonly RowColumn<MedicineField>[] = [
  { name: 'name', label: 'Medicine' },
  { name: 'dose', label: 'Dose', hint: 'Optional. For example, 500 mg twice a day.' },
];

/** What the patient tells their doctors before any visit: allergies, conditions, medicines, blood group. */
export function MedicalProfilePage() {
  const t = useT();
  const profile = useAsync((signal) => api.get<MedicalProfile>(PATH, { signal }), []);
  return (
    <section className="card">
      <title>{t('Medical profile · Arogyam')}</title>
      <h1>{t('Medical profile')}</h1>
      <p className="muted">
        {t(
          'The doctors you book see this beside their notes during your consultation, and are warned when they prescribe a medicine that matches an allergy you list here.',
        )}
      </p>
      <AsyncView
        state={profile}
        loadingLabel={t('Loading your medical profile…')}
        errorTitle={t('We could not load your medical profile')}
      >
        {(loaded) => <MedicalProfileForm profile={loaded} onSaved={profile.setData} />}
      </AsyncView>
    </section>
  );
}

function MedicalProfileForm({
  profile,
  onSaved,
}: {
  profile: MedicalProfile;
  onSaved(profile: MedicalProfile): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<MedicalProfileDraft>(() => draftOf(profile));
  const [sent, setSent] = useState<SentRows>({ allergies: [], conditions: [], medicines: [] });
  const [saved, setSaved] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS);

  const edit = (changes: Partial<MedicalProfileDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...changes }));
  };

  const save = handleSubmit(async () => {
    setSaved(false);
    const request = changesOf(draft);
    setSent(request.sent);
    const stored = await api.put<MedicalProfile>(PATH, request.changes);
    onSaved(stored);
    setDraft(draftOf(stored));
    setSaved(true);
  });

  /** The server's problem with a row, found by the position that row was sent at. */
  const errorIn =
    (list: 'allergies' | 'currentMedicines', rows: keyof SentRows, keys: number[]) =>
    (index: number, column?: string) => {
      const position = sent[rows].indexOf(keys[index]);
      return position < 0 ? undefined : itemError(fieldErrors, list, position, column);
    };

  return (
    <form onSubmit={save} noValidate>
      <FormError message={formError} />
      <EditableRows<AllergyField>
        list="allergies"
        legend="Allergies"
        itemLabel="Allergy"
        addLabel="Add an allergy"
        emptyText="No allergies listed."
        columns={ALLERGY_COLUMNS}
        rows={draft.allergies}
        make={newAllergy}
        onChange={(allergies) => edit({ allergies })}
        errorOf={errorIn(
          'allergies',
          'allergies',
          draft.allergies.map((row) => row.key),
        )}
        listProblem={listError(fieldErrors, 'allergies')}
      />
      <EditableRows<'name'>
        list="chronicConditions"
        legend="Long-term conditions"
        itemLabel="Condition"
        addLabel="Add a condition"
        emptyText="No long-term conditions listed."
        columns={CONDITION_COLUMNS}
        rows={draft.conditions}
        make={newCondition}
        onChange={(conditions) => edit({ conditions })}
        // The server judges the conditions as a list: its problem is shown above the rows.
        errorOf={() => undefined}
        listProblem={fieldErrors.chronicConditions}
      />
      <EditableRows<MedicineField>
        list="currentMedicines"
        legend="Medicines you take now"
        itemLabel="Medicine"
        addLabel="Add a medicine"
        emptyText="No medicines listed."
        columns={MEDICINE_COLUMNS}
        rows={draft.medicines}
        make={newMedicine}
        onChange={(medicines) => edit({ medicines })}
        errorOf={errorIn(
          'currentMedicines',
          'medicines',
          draft.medicines.map((row) => row.key),
        )}
        listProblem={listError(fieldErrors, 'currentMedicines')}
      />
      <SelectField
        label={t('Blood group')}
        name="bloodGroup"
        options={BLOOD_GROUP_OPTIONS}
        value={draft.bloodGroup}
        onChange={(event) => edit({ bloodGroup: event.target.value })}
        error={fieldErrors.bloodGroup}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('Save medical profile')}
        </Button>
        <StatusMessage message={saved ? 'Your medical profile has been saved.' : ''} />
      </div>
      {profile.updatedAt && <p className="muted">Last changed {formatDate(profile.updatedAt)}.</p>}
    </form>
  );
}
