import { DateFilter, TimeZoneNote, useDateParam } from '@arogyam/ui';
import { DayAppointments } from '../components/day-appointments';

export function AppointmentsPage() {
  const [date, setDate] = useDateParam();
  return (
    <>
      <title>Appointments · Arogyam Admin</title>
      <h1>Appointments by day</h1>
      <TimeZoneNote />
      <DateFilter value={date} onChange={setDate} hint="A day runs from midnight to midnight UTC." />
      <DayAppointments key={date} date={date} />
    </>
  );
}
