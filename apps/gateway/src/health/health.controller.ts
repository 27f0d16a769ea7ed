import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SERVICE_NAMES, healthSubject } from '@arogyam/contracts';
import type { ServiceHealth } from '@arogyam/service-kit';
import { GatewayConfig } from '../config/gateway.config';
import { ServiceClient } from '../http/service-client';

export interface PlatformHealth {
  status: 'ok' | 'degraded';
  services: Record<string, 'up' | 'down'>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly services: ServiceClient,
    private readonly config: GatewayConfig,
  ) {}

  /**
   * Liveness of this gateway process alone: a probe that restarts gateways must not fail
   * because some service behind them is down.
   */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Asks every service at once with a short timeout, so it answers in about HEALTH_TIMEOUT_MS at worst. */
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<PlatformHealth> {
    const results = await Promise.all(
      SERVICE_NAMES.map(async (name) => {
        try {
          const health = await this.services.send<ServiceHealth>(
            healthSubject(name),
            {},
            this.config.HEALTH_TIMEOUT_MS,
          );
          return [name, health.status] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    const allUp = results.every(([, state]) => state === 'up');
    res.status(allUp ? 200 : 503);
    return { status: allUp ? 'ok' : 'degraded', services: Object.fromEntries(results) };
  }
}
