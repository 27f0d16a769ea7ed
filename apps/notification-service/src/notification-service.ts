import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { NotificationServiceConfig } from './config/notification-service.config';

export const notificationService: ServiceBootstrapOptions<NotificationServiceConfig> = {
  service: 'notification',
  config: NotificationServiceConfig,
  module: (config) => AppModule.register(config),
};
