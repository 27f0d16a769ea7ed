import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { doctorService } from './doctor-service';

void bootstrapService(doctorService);
