import { createApiClient, createTokenStore } from '@arogyam/ui';

/** The admin's session lives under its own prefix, apart from patient and doctor sessions. */
export const store = createTokenStore('arogyam.admin');
export const api = createApiClient({ baseUrl: '/api', store });
