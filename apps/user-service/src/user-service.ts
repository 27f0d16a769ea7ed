import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { UserServiceConfig } from './config/user-service.config';

export const userService: ServiceBootstrapOptions<UserServiceConfig> = {
  service: 'user',
  config: UserServiceConfig,
  module: (config) => AppModule.register(config),
};
