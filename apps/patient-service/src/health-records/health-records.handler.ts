import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentHealthRecordsMessage,
  CreateHealthRecordMessage,
  HealthRecordIdMessage,
  HealthRecordSubjects,
  ListHealthRecordsMessage,
  SetRecordSharingMessage,
  type HealthRecordFileAnswer,
  type HealthRecordView,
  type Page,
} from '@arogyam/contracts';
import { HealthRecordsService } from './health-records.service';

@Controller()
export class HealthRecordsHandler {
  constructor(private readonly records: HealthRecordsService) {}

  @MessagePattern(HealthRecordSubjects.reserve)
  reserve(@Payload() message: HealthRecordIdMessage): Promise<{ reserved: true }> {
    return this.records.reserve(message.actor, message.recordId);
  }

  @MessagePattern(HealthRecordSubjects.create)
  create(@Payload() message: CreateHealthRecordMessage): Promise<HealthRecordView> {
    return this.records.create(message);
  }

  @MessagePattern(HealthRecordSubjects.listOwn)
  listOwn(@Payload() message: ListHealthRecordsMessage): Promise<Page<HealthRecordView>> {
    return this.records.listOwn(message.actor, message.query);
  }

  @MessagePattern(HealthRecordSubjects.listForAppointment)
  listForAppointment(@Payload() message: AppointmentHealthRecordsMessage): Promise<Page<HealthRecordView>> {
    return this.records.listForAppointment(message.actor, message.appointmentId);
  }

  @MessagePattern(HealthRecordSubjects.get)
  get(@Payload() message: HealthRecordIdMessage): Promise<HealthRecordFileAnswer> {
    return this.records.get(message.actor, message.recordId, message.appointmentId);
  }

  @MessagePattern(HealthRecordSubjects.setSharing)
  setSharing(@Payload() message: SetRecordSharingMessage): Promise<HealthRecordView> {
    return this.records.setSharing(message);
  }

  @MessagePattern(HealthRecordSubjects.delete)
  delete(@Payload() message: HealthRecordIdMessage): Promise<{ deleted: true }> {
    return this.records.delete(message.actor, message.recordId);
  }
}
