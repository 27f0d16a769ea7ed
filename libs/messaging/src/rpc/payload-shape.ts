/**
 * How deep and how big a payload may be before anything recursive (class-transformer,
 * class-validator, our own walkers) touches it. A 3,000-deep body of 18 KB, well under the byte
 * limit, used to overflow the stack in validation and answer 500. The deepest real payload is a
 * mediasoup `rtpParameters` (about 6 levels); the largest a weekly schedule or an RTP capability
 * set (a few hundred values).
 */
export const PAYLOAD_LIMITS = { maxDepth: 32, maxValues: 20_000 } as const;

/**
 * PostgreSQL (under FerretDB) cannot store U+0000 in text and fails the whole write, so a NUL in
 * any key or string is refused here, on MongoDB too, for one behaviour everywhere.
 */
const NUL = '\u0000';

/** Why the payload is refused (too deep, too many values, a NUL anywhere) (a sentence for the client), or undefined when it is within limits. */
export function payloadShapeProblem(
  value: unknown,
  limits: { maxDepth: number; maxValues: number } = PAYLOAD_LIMITS,
): string | undefined {
  // Iterative, so the check itself cannot overflow the stack it protects.
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let values = 0;
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (++values > limits.maxValues) return `has more than ${limits.maxValues} values`;
    if (typeof next.value === 'string' && next.value.includes(NUL)) return 'contains a NUL character';
    // Bytes (an uploaded file's buffer) are data, not structure.
    if (typeof next.value !== 'object' || next.value === null || ArrayBuffer.isView(next.value)) continue;
    if (Object.keys(next.value).some((key) => key.includes(NUL))) return 'contains a NUL character';
    if (next.depth >= limits.maxDepth) return `is nested deeper than ${limits.maxDepth} levels`;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
  }
  return undefined;
}
