import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { VideoServiceConfig } from './config/video-service.config';

export const videoService: ServiceBootstrapOptions<VideoServiceConfig> = {
  service: 'video',
  config: VideoServiceConfig,
  module: (config) => AppModule.register(config),
};
