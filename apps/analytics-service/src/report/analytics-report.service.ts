import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type Actor,
  type AnalyticsQueryDto,
  type AnalyticsReportView,
} from '@arogyam/contracts';
import { ReadModelRepository } from '../read-model/read-model.repository';
import { reportFigures } from './report-figures';
import { reportRange } from './report-range';

@Injectable()
export class AnalyticsReportService {
  constructor(private readonly readModel: ReadModelRepository) {}

  /** Admins only: the figures of local dates `from`–`to` in `tz`. */
  async report(actor: Actor, query: AnalyticsQueryDto): Promise<AnalyticsReportView> {
    requireRole(actor, 'admin');
    const range = reportRange(query);
    const documents = await this.readModel.inRange(range.start.toJSDate(), range.end.toJSDate());
    return reportFigures(range, documents);
  }
}
