import { Global, Module, type DynamicModule } from '@nestjs/common';
import { GatewayConfig } from './gateway.config';

/** The validated configuration, for every module of the gateway (AuthModule's account-status checker too). */
@Global()
@Module({})
export class GatewayConfigModule {
  static of(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GatewayConfig, useValue: config }],
      exports: [GatewayConfig],
    };
  }
}
