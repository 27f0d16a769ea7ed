import { ConfigError, loadConfig } from '@arogyam/service-kit';
import { GatewayConfig } from './gateway.config';

const BASE = { NATS_URL: 'nats://127.0.0.1:4222', JWT_SECRET: 'x'.repeat(32) };

describe('GatewayConfig TRUST_PROXY', () => {
  it('is a number of proxy hops, 0 by default and for `false`', () => {
    expect(loadConfig(GatewayConfig, BASE).TRUST_PROXY).toBe(0);
    expect(loadConfig(GatewayConfig, { ...BASE, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(loadConfig(GatewayConfig, { ...BASE, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
  });

  it('refuses `true`, which would trust whatever X-Forwarded-For a client writes', () => {
    expect(() => loadConfig(GatewayConfig, { ...BASE, TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig(GatewayConfig, { ...BASE, TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY must be the number of proxies in front of the gateway/,
    );
  });
});
