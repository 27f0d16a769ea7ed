import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isProductionChecked } from './production-problems';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const describe = (error: ValidationError): string => {
  if (error.value === undefined || error.value === '') {
    return `${error.property} is missing: set the environment variable ${error.property}`;
  }
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property} is invalid (${reasons})`;
};

/**
 * Reads and validates the environment once, at start-up, into a typed config object; every
 * missing or malformed variable is named in one message, so an operator fixes them all at once.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(
    schema,
    { ...env },
    { enableImplicitConversion: true, exposeDefaultValues: true },
  );
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  if (env.NODE_ENV === 'production' && isProductionChecked(config)) {
    const problems = config.productionProblems();
    if (problems.length > 0)
      throw new ConfigError(problems.map((problem) => `NODE_ENV=production: ${problem}`));
  }
  return config;
}
