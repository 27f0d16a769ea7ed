import { DomainError } from '@arogyam/contracts';

/** The status of the DomainError `call` throws; -1 for another error, undefined when it does not throw. */
export function domainStatusOf(call: () => unknown): number | undefined {
  try {
    call();
  } catch (error) {
    return error instanceof DomainError ? error.statusCode : -1;
  }
  return undefined;
}
