import fc from 'fast-check';

/**
 * Every string the fuzz test sends carries this mark, so a log line that quotes any of its input
 * is found by one search of the processes' output.
 */
export const MARK = 'FUZZ-7f3a9c';

const EMOJI = ['😀', '🩺', '❤️', '👩🏽‍⚕️', '𝕏', 'ह्', '\u0000', '\ud83d', '"', '\\', '$gt', '<b>'];

/** Text with the mark: emoji, joiners, lone surrogates, NULs, quotes and operators mixed in. */
export const markedText = (maxPieces: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...EMOJI), fc.string({ maxLength: 8 })), { maxLength: maxPieces })
    .map((pieces) => `${MARK} ${pieces.join('')}`);

/** Text longer than any field allows (10,000 is the longest limit, clinical notes'), mostly emoji. */
export const overlongText = (min = 10_001, max = 12_000): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('😀', '🩺', 'ह', 'x'))
    .map(([length, unit]) => `${MARK}${unit.repeat(length)}`);

/** Objects and arrays nested past the 32-level limit, up to the 3,000 levels that once gave a 500. */
export const tooDeep: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 33, max: 3000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = MARK;
    for (let i = 0; i < depth; i++) value = arrays && i % 2 ? [value] : { a: value };
    return value;
  });

/** More values than the 20,000 a payload may hold (about 40 KB, under the body limit). */
export const tooMany: fc.Arbitrary<unknown> = fc
  .integer({ min: 20_001, max: 22_000 })
  .map((count) => [MARK, ...new Array<number>(count).fill(0)]);

/** A value that is wrong wherever it stands: too deep, too many, or too long. */
export const poison: fc.Arbitrary<unknown> = fc.oneof(tooDeep, tooMany, overlongText());

/** Anything else a hostile client might put in a field; may happen to be valid. */
export const noise: fc.Arbitrary<unknown> = fc.oneof(
  markedText(20),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ $gt: '' }),
  fc.constant({ $where: `sleep(1000) // ${MARK}` }),
  fc.array(markedText(4), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), markedText(3), { maxKeys: 3 }),
);

/** A path segment no id looks like. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  markedText(20),
  fc.constant(`${MARK}${'a'.repeat(3000)}`),
  fc.constantFrom('%2e%2e%2f', '$gt', '%00', 'null', 'undefined', '[object Object]', '-1', '0'),
  fc.constant('ffffffffffffffffffffffff'),
);
