import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { auditService } from './audit-service';

void bootstrapService(auditService);
