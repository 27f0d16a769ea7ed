import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { AuditServiceConfig } from './config/audit-service.config';
import { AuditTrailHandler } from './queries/audit-trail.handler';
import { TrailQueriesService } from './queries/trail-queries.service';
import { auditEntryModel, AuditEntryRepository } from './trail/audit-entry.repository';
import { AuditEventsConsumer } from './trail/audit-events.consumer';
import { TrailWriter } from './trail/trail-writer';
import { ChainVerifier } from './verification/chain-verifier';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';

@Module({})
export class AppModule {
  static register(config: AuditServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [DataServiceModule.forService({ service: 'audit', config, models: [auditEntryModel] })],
      controllers: [AuditTrailHandler, PatientDataExportHandler],
      providers: [AuditEntryRepository, TrailWriter, AuditEventsConsumer, TrailQueriesService, ChainVerifier],
    };
  }
}
