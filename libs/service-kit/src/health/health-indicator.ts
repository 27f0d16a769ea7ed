/** A dependency the service cannot work without (its database, say). */
export interface HealthIndicator {
  readonly name: string;
  isHealthy(): Promise<boolean> | boolean;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

export interface ServiceHealth {
  service: string;
  instance: string;
  status: 'up' | 'down';
  checks: Record<string, 'up' | 'down'>;
  uptimeSeconds: number;
}
