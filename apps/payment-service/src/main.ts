import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { paymentService } from './payment-service';

void bootstrapService(paymentService);
