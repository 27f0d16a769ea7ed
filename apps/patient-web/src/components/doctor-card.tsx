import { useT, MoneyText, type DoctorSummary } from '@arogyam/ui';
import { Link } from 'react-router-dom';
import { experienceText } from '../experience';
import { clinicText } from './clinic-text';
import { DoctorPhoto } from './doctor-photo';
import { NextAvailable } from './next-available';
import { Rating } from './rating';

/** One search result. Rendered inside the results list, so it is an <li>. */
export function DoctorCard({ doctor }: { doctor: DoctorSummary }) {
  const t = useT();
  return (
    <li className="doctor-card">
      <div className="doctor-card-header">
        <DoctorPhoto name={doctor.fullName} photo={doctor.photo} size="small" />
        <div>
          <h2>
            <Link to={`/doctors/${encodeURIComponent(doctor.id)}`}>{doctor.fullName}</Link>
          </h2>
          <p className="specialization">{doctor.specialization}</p>
          {doctor.qualifications && <p className="muted">{doctor.qualifications}</p>}
        </div>
      </div>
      <p>
        {doctor.city && <>{doctor.city} · </>}
        {experienceText(doctor.yearsOfExperience)}
      </p>
      {doctor.clinic && <p>{clinicText(doctor)}</p>}
      {doctor.languages.length > 0 && (
        <p className="muted">{t('Speaks {{languages}}', { languages: doctor.languages.join(', ') })}</p>
      )}
      <NextAvailable at={doctor.nextAvailableAt} />
      <div className="doctor-card-footer">
        <p>
          <MoneyText value={doctor.consultationFee} /> <span className="muted">{t('per consultation')}</span>
        </p>
        <Rating rating={doctor.rating} reviewCount={doctor.reviewCount} />
      </div>
    </li>
  );
}
