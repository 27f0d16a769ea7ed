/**
 * A relay's background pass (a sweep, a retry) that never runs beside itself: asked while it runs
 * (its timer fired again, or a caller wants it), it answers the running pass instead of starting
 * another. Two passes over the same documents publish the same events twice each, and a pass that
 * outlasts its timer's interval (a slow database, JetStream timing out) would pile up more.
 */
export function onePassAtATime(pass: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= pass().finally(() => (running = undefined)));
}
