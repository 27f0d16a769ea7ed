import { Global, Module } from '@nestjs/common';
import { ServiceClient } from './service-client';

/** Global: the auth module's account-status checker calls services too. */
@Global()
@Module({ providers: [ServiceClient], exports: [ServiceClient] })
export class ServiceClientModule {}
