import { Controller, Inject, Module, type DynamicModule, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthSubject } from '@arogyam/contracts';
import { HEALTH_INDICATORS, type HealthIndicator, type ServiceHealth } from './health-indicator';

export interface HealthOptions {
  service: string;
  instance: string;
  indicators: Type<HealthIndicator>[];
}

const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');

function createHealthController(service: string): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(
      @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
      @Inject(SERVICE_IDENTITY) private readonly identity: { service: string; instance: string },
    ) {}

    /** Answers `<service>.health.check`: the gateway's /api/health and the container probe. */
    @MessagePattern(healthSubject(service))
    async check(): Promise<ServiceHealth> {
      const results = await Promise.all(
        this.indicators.map(async (indicator) => {
          const healthy = await Promise.resolve(indicator.isHealthy()).catch(() => false);
          return [indicator.name, healthy ? 'up' : 'down'] as const;
        }),
      );
      const checks = Object.fromEntries(results);
      return {
        ...this.identity,
        status: results.every(([, state]) => state === 'up') ? 'up' : 'down',
        checks,
        uptimeSeconds: Math.round(process.uptime()),
      };
    }
  }
  return HealthController;
}

@Module({})
export class HealthModule {
  static forService(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [createHealthController(options.service)],
      providers: [
        ...options.indicators,
        { provide: SERVICE_IDENTITY, useValue: { service: options.service, instance: options.instance } },
        {
          provide: HEALTH_INDICATORS,
          useFactory: (...indicators: HealthIndicator[]) => indicators,
          inject: options.indicators,
        },
      ],
    };
  }
}
