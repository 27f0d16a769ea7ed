export default async function globalTeardown(): Promise<void> {
  await globalThis.__AROGYAM_INFRA__?.stop();
}
