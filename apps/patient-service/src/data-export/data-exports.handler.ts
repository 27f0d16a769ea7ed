import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DataExportIdMessage,
  DataExportSubjects,
  StartDataExportMessage,
  type DataExportView,
} from '@arogyam/contracts';
import { DataExportsService } from './data-exports.service';

@Controller()
export class DataExportsHandler {
  constructor(private readonly exports: DataExportsService) {}

  @MessagePattern(DataExportSubjects.start)
  start(@Payload() message: StartDataExportMessage): Promise<DataExportView> {
    return this.exports.start(message.actor);
  }

  @MessagePattern(DataExportSubjects.get)
  get(@Payload() message: DataExportIdMessage): Promise<DataExportView> {
    return this.exports.get(message.actor, message.exportId);
  }
}
