import { withDoctors } from './with-doctors';

/**
 * Once, on a database written before name search used `namePrefixes` (docs/decisions.md, "Doctor
 * search"): until it runs, those doctors are found by every criterion but their name. Safe while
 * the service runs, and to run again. With the service's environment (MONGO_URL, MONGO_DB):
 *
 *   node apps/doctor-service/dist/maintenance/add-name-prefixes.js
 */
withDoctors(async (doctors) => `Name prefixes added to ${await doctors.addMissingNamePrefixes()} doctors.`);
