import { createHmac } from 'node:crypto';
import { turnServer } from './ice-servers';

describe('turnServer', () => {
  it('signs `<expiry>:<userId>` with the shared secret (coturn use-auth-secret)', () => {
    const server = turnServer(
      { urls: ['turn:turn.test:3478?transport=udp'], secret: 's3cret', ttlSeconds: 3600 },
      'user-1',
      1_700_000_000_000,
    );
    expect(server).toEqual({
      urls: ['turn:turn.test:3478?transport=udp'],
      username: '1700003600:user-1',
      credential: createHmac('sha1', 's3cret').update('1700003600:user-1').digest('base64'),
    });
  });
});
