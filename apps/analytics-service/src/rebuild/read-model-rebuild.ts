import { Injectable, Logger } from '@nestjs/common';
import type { AnalyticsRebuildView } from '@arogyam/contracts';
import { EventLogRepository } from '../event-log/event-log.repository';
import { FactProjector } from '../read-model/fact-projector';
import { ReadModelRepository } from '../read-model/read-model.repository';

/**
 * Empties the read model and replays the event log into it, oldest first. Events that arrive
 * meanwhile are logged and applied as usual; applying one twice changes nothing, so they count once.
 */
@Injectable()
export class ReadModelRebuild {
  private readonly logger = new Logger(ReadModelRebuild.name);

  constructor(
    private readonly log: EventLogRepository,
    private readonly readModel: ReadModelRepository,
    private readonly projector: FactProjector,
  ) {}

  async run(): Promise<AnalyticsRebuildView> {
    const started = Date.now();
    await this.readModel.empty();
    let replayed = 0;
    for await (const batch of this.log.inOrder()) {
      for (const event of batch) await this.projector.apply(event);
      replayed += batch.length;
    }
    const tookMs = Date.now() - started;
    this.logger.log(`Read model rebuilt from ${replayed} logged events in ${tookMs} ms`);
    return { replayed, tookMs };
  }
}
