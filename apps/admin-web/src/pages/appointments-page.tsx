import { useT, DateFilter, TimeZoneNote, useDateParam } from '@arogyam/ui';
import { DayAppointments } from '../components/day-appointments';

export function AppointmentsPage() {
  const t = useT();
  const [date, setDate] = useDateParam();
  return (
    <>
      <title>{t('Appointments · Arogyam Admin')}</title>
      <h1>{t('Appointments by day')}</h1>
      <TimeZoneNote />
      <DateFilter value={date} onChange={setDate} hint={t('A day runs from midnight to midnight UTC.')} />
      <DayAppointments key={date} date={date} />
    </>
  );
}
