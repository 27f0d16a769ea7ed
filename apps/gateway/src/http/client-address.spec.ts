import type { IncomingMessage } from 'node:http';
import { clientAddressOf } from './client-address';

const request = (remoteAddress: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('is the peer when no proxy is trusted, whatever the client wrote', () => {
    expect(clientAddressOf(request('10.0.0.5', '1.2.3.4'), 0)).toBe('10.0.0.5');
  });

  it('behind one proxy, is the address that proxy saw (the rightmost forwarded one)', () => {
    expect(clientAddressOf(request('10.0.0.5', '6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  it('never goes further left than the forwarded addresses reach', () => {
    expect(clientAddressOf(request('10.0.0.5', '203.0.113.9'), 3)).toBe('203.0.113.9');
    expect(clientAddressOf(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});
