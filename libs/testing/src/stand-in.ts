import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { HTTP_ERROR_NAMES } from '@arogyam/contracts';

const codec = JSONCodec<unknown>();

/**
 * Stands in for another service's subject on a test's private NATS, in the @nestjs/microservices
 * reply format and queue group: `answer` gets the request's data, and where it finds nothing the
 * caller gets a 404 with `notFoundMessage`, as the real service would answer.
 */
export function standIn<T = Record<string, unknown>>(
  nats: NatsConnection,
  subject: string,
  answer: (data: T) => unknown,
  notFoundMessage = 'Not found',
): Subscription {
  return nats.subscribe(subject, {
    queue: `${subject.split('.')[0]}-service`,
    callback: (error, message) => {
      if (error) return;
      const packet = codec.decode(message.data) as { id: string; data: T };
      const response = answer(packet.data);
      const reply =
        response === undefined
          ? {
              id: packet.id,
              err: { statusCode: 404, error: HTTP_ERROR_NAMES[404], message: notFoundMessage },
              isDisposed: true,
            }
          : { id: packet.id, response, isDisposed: true };
      message.respond(codec.encode(reply));
    },
  });
}
