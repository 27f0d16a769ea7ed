import { RpcCallError } from '@arogyam/messaging';

/**
 * A dashboard is a profile service's part plus appointment-service's part, asked at once. While
 * appointment-service is down or slow (503/504) the dashboard still answers with the profile
 * part and its own placeholders; any other failure of the appointment part is the answer.
 */
export async function withAppointmentPart<TDashboard extends object>(
  profilePart: Promise<TDashboard>,
  appointmentPart: Promise<Partial<TDashboard>>,
): Promise<TDashboard> {
  const [dashboard, appointments] = await Promise.all([
    profilePart,
    appointmentPart.catch(unavailableAsNothing),
  ]);
  return { ...dashboard, ...appointments };
}

function unavailableAsNothing(error: unknown): undefined {
  if (error instanceof RpcCallError && error.payload.statusCode >= 503) return undefined;
  throw error;
}
