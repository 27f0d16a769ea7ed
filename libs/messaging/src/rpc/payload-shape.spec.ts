import { payloadShapeProblem } from './payload-shape';

const nested = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('payloadShapeProblem', () => {
  it('lets real payloads through', () => {
    expect(payloadShapeProblem({ a: { b: [1, 2, { c: 'd' }] } })).toBeUndefined();
    expect(payloadShapeProblem(nested(32))).toBeUndefined();
    expect(payloadShapeProblem('text')).toBeUndefined();
    expect(payloadShapeProblem(undefined)).toBeUndefined();
  });

  it('refuses too deep a payload without overflowing the stack', () => {
    expect(payloadShapeProblem(nested(33))).toBe('is nested deeper than 32 levels');
    expect(payloadShapeProblem(nested(100_000))).toBe('is nested deeper than 32 levels');
  });

  it('counts a buffer as one value', () => {
    expect(payloadShapeProblem({ buffer: Buffer.alloc(100_000) })).toBeUndefined();
  });

  it('refuses too many values', () => {
    expect(payloadShapeProblem({ list: new Array(20_001).fill(0) })).toBe('has more than 20000 values');
  });

  it('refuses a NUL in any string or key', () => {
    expect(payloadShapeProblem({ a: ['ok', 'n\u0000l'] })).toBe('contains a NUL character');
    expect(payloadShapeProblem({ 'k\u0000': 1 })).toBe('contains a NUL character');
    expect(payloadShapeProblem('x\u0000')).toBe('contains a NUL character');
  });
});
