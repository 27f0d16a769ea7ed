import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PatientDataPageMessage, PatientDataSubjects, type PatientDataPage } from '@arogyam/contracts';
import { exportingPatient } from '@arogyam/persistence';
import { ChatMessageRepository } from '../messages/chat-message.repository';
import { ChatRoomRepository } from '../rooms/chat-room.repository';

/**
 * The patient's chat, for the data export patient-service builds (asked as that patient): their
 * rooms, then every message in them, theirs and their doctors'.
 */
@Controller()
export class PatientDataExportHandler {
  constructor(
    private readonly rooms: ChatRoomRepository,
    private readonly messages: ChatMessageRepository,
  ) {}

  @MessagePattern(PatientDataSubjects.chat)
  async export(@Payload() message: PatientDataPageMessage): Promise<PatientDataPage> {
    const patientId = exportingPatient(message, ['rooms', 'messages']);
    if (message.section === 'rooms') return this.rooms.exportPage(patientId, message.cursor);
    const roomIds = await this.rooms.roomIdsOfPatient(patientId);
    if (roomIds.length === 0) return { items: [] };
    return this.messages.exportPage(roomIds, message.cursor);
  }
}
