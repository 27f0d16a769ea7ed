import { useT, Button, FormError, StatusMessage, TextAreaField, useSubmit } from '@arogyam/ui';
import { useState } from 'react';
import { listError } from '../indexed-errors';
import { newMedicine, prescriptionFrom, type MedicineDraft } from '../prescription-draft';
import { api } from '../session';
import { MedicineRow } from './medicine-row';

interface PrescriptionComposerProps {
  appointmentId: string;
  /** Called once the server has issued the prescription, so the list shows it. */
  onIssued(): void;
}

/** Rows of medicines plus advice, issued as one prescription; the server validates every field. */
export function PrescriptionComposer({ appointmentId, onIssued }: PrescriptionComposerProps) {
  const t = useT();
  const [rows, setRows] = useState<MedicineDraft[]>(() => [newMedicine()]);
  const [advice, setAdvice] = useState('');
  const [issued, setIssued] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['items', 'advice']);

  const edit = (next: MedicineDraft[]) => {
    setIssued(false);
    setRows(next);
  };

  const issue = handleSubmit(async () => {
    setIssued(false);
    await api.post('/prescriptions', prescriptionFrom(appointmentId, rows, advice));
    setRows([newMedicine()]);
    setAdvice('');
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
