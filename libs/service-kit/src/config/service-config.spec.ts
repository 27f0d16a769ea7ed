import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(ServiceConfig, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('ServiceConfig: NATS credentials', () => {
  it('requires its NATS user and password in production, naming each', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toContain('NATS_USER is missing: set the environment variable NATS_USER');
    expect(problems).toContain('NATS_PASSWORD is missing: set the environment variable NATS_PASSWORD');
  });

  it('takes them in pairs, and connects without them in development', () => {
    expect(problemsOf({ NATS_USER: 'chat' })).toEqual([
      'NATS_PASSWORD is missing: set the environment variable NATS_PASSWORD',
    ]);
    expect(problemsOf({ NATS_PASSWORD: 'secret' })).toEqual([
      'NATS_USER is missing: set the environment variable NATS_USER',
    ]);
    expect(loadConfig(ServiceConfig, {}).natsAccess).toEqual({
      url: 'nats://127.0.0.1:4222',
      user: undefined,
      password: undefined,
      caFile: undefined,
    });
  });

  it('gives the connection its user, password and CA, keeping them out of the URL', () => {
    const config = loadConfig(ServiceConfig, {
      NODE_ENV: 'production',
      NATS_URL: 'tls://nats.nats.svc:4222',
      NATS_USER: 'chat',
      NATS_PASSWORD: 'secret',
      NATS_CA_FILE: '/etc/nats-ca/ca.crt',
    });
    expect(config.natsAccess).toEqual({
      url: 'tls://nats.nats.svc:4222',
      user: 'chat',
      password: 'secret',
      caFile: '/etc/nats-ca/ca.crt',
    });
  });
});
