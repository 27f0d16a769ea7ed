import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnalyticsReportMessage,
  AnalyticsSubjects,
  type AnalyticsRebuildView,
  type AnalyticsReportView,
} from '@arogyam/contracts';
import { ReadModelRebuild } from '../rebuild/read-model-rebuild';
import { AnalyticsReportService } from './analytics-report.service';

@Controller()
export class AnalyticsHandler {
  constructor(
    private readonly reports: AnalyticsReportService,
    private readonly rebuild: ReadModelRebuild,
  ) {}

  @MessagePattern(AnalyticsSubjects.report)
  report(@Payload() message: AnalyticsReportMessage): Promise<AnalyticsReportView> {
    return this.reports.report(message.actor, message.query);
  }

  /**
   * No caller needed, like audit's verify: only the gateway (behind its admin-only route) and the
   * operator's `npm run analytics:rebuild` may publish it (bus permissions), and it shows no data.
   */
  @MessagePattern(AnalyticsSubjects.rebuild)
  rebuildReadModel(): Promise<AnalyticsRebuildView> {
    return this.rebuild.run();
  }
}
