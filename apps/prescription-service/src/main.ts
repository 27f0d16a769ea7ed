import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { prescriptionService } from './prescription-service';

void bootstrapService(prescriptionService);
