import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { PRIVACY_NOTICE_VERSION } = createRequire(import.meta.url)(join(root, 'libs/contracts/dist/index.js'));

/** What every registration sends: the privacy notice version the demo people accepted. */
export const CONSENT = { privacyNoticeVersion: PRIVACY_NOTICE_VERSION };

// One JSON call to the gateway, answered as {status, body}: what the demo seed speaks.
export async function call(base, method, path, body, token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
