import {
  useT,
  Button,
  FormError,
  StatusMessage,
  TextAreaField,
  allergyWarnings,
  listError,
  useSubmit,
  type Allergy,
} from '@arogyam/ui';
import { useState } from 'react';
import { newMedicine, prescriptionFrom, type MedicineDraft } from '../prescription-draft';
import { api } from '../session';
import { AllergyCheck } from './allergy-check';
import { MedicineRow } from './medicine-row';

interface PrescriptionComposerProps {
  appointmentId: string;
  /** Called once the server has issued the prescription, so the list shows it. */
  onIssued(): void;
  /** The patient's recorded allergies (none while their medical profile is loading or unavailable). */
  allergies?: readonly Allergy[];
}

/**
 * Rows of medicines plus advice, issued as one prescription; the server validates every field.
 * A medicine whose name matches a recorded allergy is announced, and needs the doctor's
 * confirmation (of that very set of matches) before the prescription is issued.
 */
export function PrescriptionComposer({ appointmentId, onIssued, allergies = [] }: PrescriptionComposerProps) {
  const t = useT();
  const [rows, setRows] = useState<MedicineDraft[]>(() => [newMedicine()]);
  const [advice, setAdvice] = useState('');
  const [issued, setIssued] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['items', 'advice']);
  const warnings = allergyWarnings(
    rows.map((row) => row.drug),
    allergies,
  );
  // A confirmation holds for the matches it was given for: a new match asks again.
  const warned = JSON.stringify(warnings);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const confirmed = warnings.length > 0 && confirmedFor === warned;
  const mustConfirm = warnings.length > 0 && !confirmed;

  const edit = (next: MedicineDraft[]) => {
    setIssued(false);
    setRows(next);
  };

  const issue = handleSubmit(async () => {
    setIssued(false);
    setUnconfirmed(mustConfirm);
    if (mustConfirm) return;
    await api.post('/prescriptions', prescriptionFrom(appointmentId, rows, advice));
    setRows([newMedicine()]);
    setAdvice('');
    setConfirmedFor(null);
    setIssued(true);
    onIssued();
  });

  const itemsProblem = listError(fieldErrors, 'items');

  return (
    <section className="card" aria-labelledby="composer-heading">
      <h2 id="composer-heading">{t('Write a prescription')}</h2>
      <form onSubmit={issue} noValidate>
        <FormError message={formError} />
        {itemsProblem && <p className="field-error">{itemsProblem}</p>}
        {rows.map((row, index) => (
          <MedicineRow
            key={row.key}
            index={index}
            medicine={row}
            errors={fieldErrors}
            onChange={(changed) => edit(rows.map((other) => (other.key === row.key ? changed : other)))}
            onRemove={rows.length > 1 ? () => edit(rows.filter((other) => other.key !== row.key)) : undefined}
          />
        ))}
        <Button variant="secondary" className="add-row" onClick={() => edit([...rows, newMedicine()])}>
          {t('Add medicine')}
        </Button>
        <TextAreaField
          label={t('Advice')}
          name="advice"
          rows={3}
          hint={t('Optional. Diet, rest, warning signs, follow-up.')}
          value={advice}
          onChange={(event) => {
            setIssued(false);
            setAdvice(event.target.value);
          }}
          error={fieldErrors.advice}
        />
        <AllergyCheck
          warnings={warnings}
          confirmed={confirmed}
          onConfirm={(checked) => {
            setConfirmedFor(checked ? warned : null);
            if (checked) setUnconfirmed(false);
          }}
          error={
            unconfirmed && mustConfirm
              ? 'Confirm that you have checked the allergy, or change the medicine.'
              : undefined
          }
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('Issue prescription')}
          </Button>
          <StatusMessage message={issued ? 'Prescription issued.' : ''} />
        </div>
      </form>
    </section>
  );
}
