import { toApiError } from './api-error';

/** The answer, or null when the server says 404: for things that may simply not exist yet (notes, hours). */
export async function nullIfNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (thrown) {
    if (toApiError(thrown).statusCode === 404) return null;
    throw thrown;
  }
}
