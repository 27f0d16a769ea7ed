import { createApiClient, createTokenStore } from '@arogyam/ui';

/** The patient's session lives under its own prefix, apart from doctor and admin sessions. */
export const store = createTokenStore('arogyam.patient');
export const api = createApiClient({ baseUrl: '/api', store });
