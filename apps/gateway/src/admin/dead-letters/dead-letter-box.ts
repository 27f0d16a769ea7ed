import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import {
  DEAD_LETTER_STREAM,
  deadLetterReplaySubject,
  type DeadLetterReplayAnswer,
  type DeadLetterView,
} from '@arogyam/contracts';
import { NATS_CONNECTION, serviceOf, toDeadLetterView } from '@arogyam/messaging';

/** How long a replay may take: the service's handler runs once more, as for a delivery. */
const REPLAY_TIMEOUT_MS = 30_000;

const answers = JSONCodec<DeadLetterReplayAnswer>();

/**
 * The events services gave up on (libs/messaging EventConsumer keeps them in the dead-letter
 * stream), for admins: the newest first, and a replay that hands one back to its service and
 * removes it once handled.
 */
@Injectable()
export class DeadLetterBox {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async newest(limit: number): Promise<DeadLetterView[]> {
    const jsm = await this.connection.jetstreamManager();
    const stream = await jsm.streams.info(DEAD_LETTER_STREAM).catch(() => undefined);
    if (!stream) return []; // no service has started since dead letters existed
    const { first_seq: first, last_seq: last } = stream.state;
    const found: DeadLetterView[] = [];
    // Replayed ones leave gaps: look at most this far back for a page.
    for (let seq = last; seq >= first && found.length < limit && last - seq < limit * 10; seq--) {
      const stored = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => undefined);
      if (stored) found.push(toDeadLetterView(stored));
    }
    return found;
  }

  async replay(seq: number): Promise<DeadLetterReplayAnswer> {
    const jsm = await this.connection.jetstreamManager();
    const stored = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => undefined);
    if (!stored)
      throw new NotFoundException(`There is no failed event ${seq} (it may have been replayed already).`);
    const service = serviceOf(stored);
    let answer: DeadLetterReplayAnswer;
    try {
      const reply = await this.connection.request(deadLetterReplaySubject(service), stored.data, {
        timeout: REPLAY_TIMEOUT_MS,
      });
      answer = answers.decode(reply.data);
    } catch {
      throw new ServiceUnavailableException(`${service} did not take the event; is it running?`);
    }
    if (answer.handled) await jsm.streams.deleteMessage(DEAD_LETTER_STREAM, seq);
    return answer;
  }
}
