import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { notificationService } from './notification-service';

void bootstrapService(notificationService);
