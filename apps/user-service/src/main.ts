import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { userService } from './user-service';

void bootstrapService(userService);
