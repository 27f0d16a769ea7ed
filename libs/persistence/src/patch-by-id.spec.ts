import { DomainError } from '@arogyam/contracts';
import { toPatchUpdate } from './patch-by-id';

describe('toPatchUpdate', () => {
  it('sets given values, clears nulls and leaves absent fields alone', () => {
    expect(toPatchUpdate({ fullName: 'Asha Rao', city: null, bio: undefined }, ['fullName'])).toEqual({
      $set: { fullName: 'Asha Rao' },
      $unset: { city: '' },
    });
  });

  it('leaves out empty operators, so an empty body changes nothing', () => {
    expect(toPatchUpdate({}, [])).toEqual({});
    expect(toPatchUpdate({ phone: null }, [])).toEqual({ $unset: { phone: '' } });
  });

  it('refuses to clear a required field, naming every one', () => {
    let refusal: unknown;
    try {
      toPatchUpdate({ fullName: null, specialization: null, city: null }, ['fullName', 'specialization']);
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).toPayload()).toMatchObject({
      statusCode: 400,
      details: [
        { field: 'fullName', problem: 'cannot be cleared' },
        { field: 'specialization', problem: 'cannot be cleared' },
      ],
    });
  });
});
