import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { analyticsService } from './analytics-service';

void bootstrapService(analyticsService);
