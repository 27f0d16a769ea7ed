import { TableRegion } from '../components/table-region';
import type { ApiClient } from '../api/api-client';
import type { Prescription } from '../api/types';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { saveFile } from '../files/save-file';
import { formatDateTime } from '../format/format-time';
import { useAction } from '../hooks/use-action';
import { useT } from '../i18n/use-t';

export interface PrescriptionCardProps {
  api: ApiClient;
  prescription: Prescription;
}

/** One issued prescription, as a list item, with its PDF (fetched with the session's token). */
export function PrescriptionCard({ api, prescription }: PrescriptionCardProps) {
  const t = useT();
  const download = useAction();
  const issued = formatDateTime(prescription.issuedAt);
  const headingId = `prescription-${prescription.id}`;

  const downloadPdf = () =>
    download.run(async () => {
      const path = `/prescriptions/${encodeURIComponent(prescription.id)}/pdf`;
      saveFile(
        await api.download(path, `prescription-${prescription.verificationCode || prescription.id}.pdf`),
      );
    });

  return (
    <li className="card prescription" aria-labelledby={headingId}>
      <h3 id={headingId}>Prescription{prescription.version > 1 && ` (version ${prescription.version})`}</h3>
      <dl className="details-list">
        <dt>{t('Issued')}</dt>
        <dd>{issued}</dd>
        <dt>{t('By')}</dt>
        <dd>
          {prescription.doctor.fullName}, {prescription.doctor.specialization}{' '}
          <span className="muted">(Reg. {prescription.doctor.licenseNumber})</span>
        </dd>
        <dt>{t('Verification code')}</dt>
        <dd>
          <code>{prescription.verificationCode}</code>
        </dd>
      </dl>
      {prescription.supersedesId && (
        <p className="muted">{t('This prescription replaces an earlier one.')}</p>
      )}
      <TableRegion label={t('Medicines')}>
        <table>
          <caption className="visually-hidden">{t('Medicines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Drug')}</th>
              <th scope="col">{t('Dose')}</th>
              <th scope="col">{t('Frequency')}</th>
              <th scope="col">{t('Days')}</th>
              <th scope="col">{t('Instructions')}</th>
            </tr>
          </thead>
          <tbody>
            {prescription.items.map((item, index) => (
              <tr key={index}>
                <th scope="row">{item.drug}</th>
                <td>{item.dose}</td>
                <td>{item.frequency}</td>
                <td>{item.durationDays}</td>
                <td>{item.instructions || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {prescription.advice && (
        <p>
          <strong>{t('Advice:')}</strong> {prescription.advice}
        </p>
      )}
      <FormError message={download.error?.message} />
      <Button variant="secondary" busy={download.busy} onClick={downloadPdf}>
        Download PDF<span className="visually-hidden"> of the prescription issued {issued}</span>
      </Button>
    </li>
  );
}
