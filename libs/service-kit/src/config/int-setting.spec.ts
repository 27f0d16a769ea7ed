import { IsInt, Max, Min } from 'class-validator';
import { ConfigError, loadConfig } from './load-config';
import { IntSetting } from './int-setting';

class Stacked {
  @IsInt()
  @Min(5)
  @Max(600)
  RING_SECONDS: number = 60;

  @IsInt()
  @Min(1)
  LIMIT: number = 10;
}

class Composed {
  @IntSetting(5, 600)
  RING_SECONDS: number = 60;

  @IntSetting(1)
  LIMIT: number = 10;
}

/** What loading the environment answers: the values, or the problems as an operator reads them. */
function outcome(schema: new () => object, env: NodeJS.ProcessEnv): unknown {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('IntSetting', () => {
  it.each([
    {},
    { RING_SECONDS: '30', LIMIT: '100000' },
    { RING_SECONDS: '4', LIMIT: '0' },
    { RING_SECONDS: '601' },
    { RING_SECONDS: 'sixty', LIMIT: '-1' },
    { RING_SECONDS: '2.5' },
  ])('accepts and refuses %j as @IsInt() @Min @Max did, in the same words', (env) => {
    expect(outcome(Composed, env)).toEqual(outcome(Stacked, env));
  });

  it('names the bound a value breaks', () => {
    expect(outcome(Composed, { RING_SECONDS: '601' })).toEqual([
      'RING_SECONDS is invalid (RING_SECONDS must not be greater than 600)',
    ]);
  });
});
