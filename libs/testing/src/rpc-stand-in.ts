import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { HTTP_ERROR_NAMES } from '@arogyam/contracts';

const codec = JSONCodec<unknown>();

/**
 * Stands in for another service on the test's NATS: answers `subject` in @nestjs/microservices'
 * reply format, in that service's queue group, with a 404 where `answer` gives undefined.
 */
export function standInFor<TData = Record<string, unknown>>(
  nats: NatsConnection,
  subject: string,
  answer: (data: TData) => unknown,
  notFoundMessage = 'Not found',
): Subscription {
  return nats.subscribe(subject, {
    queue: `${subject.split('.')[0]}-service`,
    callback: (error, message) => {
      if (error) return;
      const packet = codec.decode(message.data) as { id: string; data: TData };
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
