import { DataServiceConfig } from '@arogyam/service-kit';

export class ChatServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_chat';
}
