import { withDoctors } from './with-doctors';

/**
 * Once, on a database written before search folded accents and knew cities' and specialties'
 * other names (docs/decisions.md, "Doctor search"): until it runs, a doctor stored with "José" or
 * "Bangalore" is found only as written. Safe while the service runs, and to run again. With the
 * service's environment (MONGO_URL, MONGO_DB):
 *
 *   node apps/doctor-service/dist/maintenance/rewrite-search-keys.js
 */
withDoctors(async (doctors) => `Search keys rewritten for ${await doctors.rewriteSearchKeys()} doctors.`);
