import 'reflect-metadata';
import { createConnection } from 'mongoose';
import { loadConfig } from '@arogyam/service-kit';
import { DoctorServiceConfig } from '../config/doctor-service.config';
import { doctorModel, DoctorRepository } from '../profiles/doctor.repository';
import type { Doctor } from '../profiles/doctor.schema';

/**
 * Once, on a database written before name search used `namePrefixes` (docs/decisions.md, "Doctor
 * search"): until it runs, those doctors are found by every criterion but their name. Safe while
 * the service runs, and to run again. With the service's environment (MONGO_URL, MONGO_DB):
 *
 *   node apps/doctor-service/dist/maintenance/add-name-prefixes.js
 */
async function addNamePrefixes(): Promise<void> {
  const config = loadConfig(DoctorServiceConfig);
  const connection = await createConnection(config.MONGO_URL, {
    dbName: config.MONGO_DB,
    retryWrites: false,
    autoIndex: false,
  }).asPromise();
  try {
    const doctors = new DoctorRepository(connection.model<Doctor>(doctorModel.name, doctorModel.schema));
    const changed = await doctors.addMissingNamePrefixes();
    console.log(`Name prefixes added to ${changed} doctors.`);
  } finally {
    await connection.close();
  }
}

addNamePrefixes().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
