import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { chatService } from './chat-service';

void bootstrapService(chatService);
