import type { Logger } from '@nestjs/common';

/**
 * The answer of a call that only adds to a response (a payment badge, prescriptions beside a
 * history, next free times), or undefined when it failed: the response goes out without it. The
 * warning says what is missing and the error's name only, never a payload.
 */
export async function bestEffort<T>(
  call: Promise<T>,
  logger: Logger,
  missing: string,
): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    logger.warn(`${missing}: ${(error as Error).name}`);
    return undefined;
  }
}
