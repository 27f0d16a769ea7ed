import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { appointmentService } from './appointment-service';

void bootstrapService(appointmentService);
