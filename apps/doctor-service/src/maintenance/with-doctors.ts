import 'reflect-metadata';
import { createConnection } from 'mongoose';
import { loadConfig } from '@arogyam/service-kit';
import { DoctorServiceConfig } from '../config/doctor-service.config';
import { doctorModel, DoctorRepository, listedNamePrefixModel } from '../profiles/doctor.repository';
import type { Doctor } from '../profiles/doctor.schema';
import type { ListedNamePrefix } from '../profiles/listed-name-prefix.schema';

/**
 * A maintenance command's run against doctor-service's database, from the service's own
 * environment (MONGO_URL, MONGO_DB); no indexes built, the connection closed after. Exits 1
 * with the error when the run fails.
 */
export function withDoctors(run: (doctors: DoctorRepository) => Promise<string>): void {
  const main = async () => {
    const config = loadConfig(DoctorServiceConfig);
    const connection = await createConnection(config.MONGO_URL, {
      dbName: config.MONGO_DB,
      retryWrites: false,
      autoIndex: false,
    }).asPromise();
    try {
      const doctors = connection.model<Doctor>(doctorModel.name, doctorModel.schema);
      const namePrefixes = connection.model<ListedNamePrefix>(
        listedNamePrefixModel.name,
        listedNamePrefixModel.schema,
      );
      console.log(await run(new DoctorRepository(doctors, namePrefixes)));
    } finally {
      await connection.close();
    }
  };
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
