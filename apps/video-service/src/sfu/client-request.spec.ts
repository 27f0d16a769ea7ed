import { DomainError } from '@arogyam/contracts';
import { asClientRequest } from './sfu-room';

/** An error as mediasoup makes them: its own classes differ from Error by `name` only. */
const mediasoupError = (name: string, message: string): Error => Object.assign(new Error(message), { name });

describe('asClientRequest', () => {
  const outcome = async (error: Error) => {
    const logged: string[] = [];
    const thrown = await asClientRequest(
      'producer',
      () => Promise.reject(error),
      (m) => logged.push(m),
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(DomainError);
    const { statusCode, message } = thrown as DomainError;
    return { statusCode, message, logged };
  };

  it('answers bad client parameters as 400, without logging them as faults', async () => {
    expect(await outcome(new TypeError('missing rtpParameters.codecs'))).toEqual({
      statusCode: 400,
      message: 'The producer was refused: missing rtpParameters.codecs',
      logged: [],
    });
    expect((await outcome(mediasoupError('UnsupportedError', 'no matching codec'))).statusCode).toBe(400);
  });

  it('answers a worker or channel failure as the server fault it is, and logs it', async () => {
    const closed = await outcome(mediasoupError('InvalidStateError', 'Channel closed'));
    expect(closed.statusCode).toBe(503);
    expect(closed.logged).toEqual([
      'producer failed in the media server (InvalidStateError): Channel closed',
    ]);
    const failed = await outcome(new Error('request failed [method:TRANSPORT_PRODUCE]: worker error'));
    expect(failed.statusCode).toBe(500);
    expect(failed.message).toBe('The media server could not set up the producer; try again.');
    expect(failed.logged).toHaveLength(1);
  });

  it('passes a DomainError through and returns what succeeds', async () => {
    expect((await outcome(DomainError.conflict('not yet'))).statusCode).toBe(409);
    await expect(
      asClientRequest(
        'consumer',
        async () => 7,
        () => undefined,
      ),
    ).resolves.toBe(7);
  });
});
