import { createApiClient, createTokenStore } from '@arogyam/ui';

/** The doctor's session lives under its own prefix, apart from patient and admin sessions. */
export const store = createTokenStore('arogyam.doctor');
export const api = createApiClient({ baseUrl: '/api', store });
