import { useAsync, type Appointment, type AsyncState, type Page } from '@arogyam/ui';
import { api } from './session';

export interface MyDoctor {
  id: string;
  fullName: string;
  specialization: string;
}

/**
 * The doctors the patient can share a record with by name: those of their latest 100 appointments
 * (a cancelled one included: the patient may book again), each once, by name.
 */
export function useMyDoctors(): AsyncState<MyDoctor[]> {
  return useAsync(async (signal) => {
    const { items } = await api.get<Page<Appointment>>('/appointments', { query: { limit: 100 }, signal });
    const doctors = new Map<string, MyDoctor>();
    for (const { doctor } of items) if (!doctors.has(doctor.id)) doctors.set(doctor.id, { ...doctor });
    return [...doctors.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
  }, []);
}

/** "Only you", "All your doctors", or the chosen doctors' names. */
export function sharingWords(
  sharing: { mode: string; doctorIds: string[] },
  doctors: MyDoctor[] | undefined,
): string {
  if (sharing.mode === 'none') return 'Only you';
  if (sharing.mode === 'all_my_doctors') return 'All your doctors (while they care for you)';
  const names = sharing.doctorIds.map(
    (id) => doctors?.find((doctor) => doctor.id === id)?.fullName ?? 'a doctor you no longer see',
  );
  return names.join(', ');
}
