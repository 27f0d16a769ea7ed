import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { ChatServiceConfig } from './config/chat-service.config';

export const chatService: ServiceBootstrapOptions<ChatServiceConfig> = {
  service: 'chat',
  config: ChatServiceConfig,
  module: (config) => AppModule.register(config),
};
