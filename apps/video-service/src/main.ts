import 'reflect-metadata';
import { bootstrapService } from '@arogyam/service-kit';
import { videoService } from './video-service';

void bootstrapService(videoService);
