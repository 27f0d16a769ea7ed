/**
 * Plain NATS (no queue group, at most once): "this doctor's listing changed", with
 * `{id, origin}` (persistence's ReadModelChange). doctor-service instances refresh that doctor in
 * their search directory; gateways drop cached search answers.
 */
export const DOCTOR_DIRECTORY_CHANGED = 'doctor.directory.changed';
