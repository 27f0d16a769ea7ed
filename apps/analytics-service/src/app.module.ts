import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { AnalyticsServiceConfig } from './config/analytics-service.config';
import { AnalyticsEventsConsumer } from './event-log/analytics-events.consumer';
import { EventLogRepository, loggedEventModel } from './event-log/event-log.repository';
import { FactProjector } from './read-model/fact-projector';
import { ReadModelRepository, readModelModels } from './read-model/read-model.repository';
import { ReadModelRebuild } from './rebuild/read-model-rebuild';
import { AnalyticsHandler } from './report/analytics.handler';
import { AnalyticsReportService } from './report/analytics-report.service';

@Module({})
export class AppModule {
  static register(config: AnalyticsServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'analytics',
          config,
          models: [loggedEventModel, ...readModelModels],
        }),
      ],
      controllers: [AnalyticsHandler],
      providers: [
        EventLogRepository,
        ReadModelRepository,
        FactProjector,
        AnalyticsEventsConsumer,
        ReadModelRebuild,
        AnalyticsReportService,
      ],
    };
  }
}
