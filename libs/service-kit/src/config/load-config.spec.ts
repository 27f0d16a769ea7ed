import { IsBoolean, IsInt, IsString, Min, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  PORT: number = 3000;

  @IsString()
  @MinLength(32)
  JWT_SECRET: string;

  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY: boolean = false;
}

describe('loadConfig', () => {
  it('converts environment strings to the declared types and keeps defaults', () => {
    const config = loadConfig(ExampleConfig, {
      PORT: '8080',
      JWT_SECRET: 'x'.repeat(32),
      TRUST_PROXY: '1',
      RPC_TIMEOUT_MS: '2500',
    });
    expect(config.PORT).toBe(8080);
    expect(config.RPC_TIMEOUT_MS).toBe(2500);
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every missing or invalid variable in one error', () => {
    expect.assertions(3);
    try {
      loadConfig(ExampleConfig, { PORT: 'eighty', NATS_URL: 'http://wrong' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/JWT_SECRET is missing: set the environment variable JWT_SECRET/);
      expect(problems).toMatch(
        /PORT is invalid[\s\S]*NATS_URL is invalid|NATS_URL is invalid[\s\S]*PORT is invalid/,
      );
    }
  });
});
