import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { patientService } from './patient-service';

void bootstrapService(patientService);
