import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ERASED_PATIENT_NAME, erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import { ChatMessage } from '../messages/chat-message.schema';
import { ChatRoom } from '../rooms/chat-room.schema';

/** What the patient's messages say once erased (the doctor's replies stay as written). */
export const ERASED_MESSAGE_TEXT = 'This message was deleted with the patient’s account.';

/**
 * `user.erased` of a patient: their rooms keep the doctor's side of the conversation, with
 * "Deleted patient" for the name, and the text of every message the patient sent is erased (it
 * is their own words, not a record the doctor must keep: docs/decisions.md, "Erasure"). The
 * driver's own updates, as messages and members are immutable to the application; the same
 * values again on a redelivery.
 */
@Injectable()
export class PatientErasure {
  constructor(
    @InjectModel(ChatRoom.name) private readonly rooms: Model<ChatRoom>,
    @InjectModel(ChatMessage.name) private readonly messages: Model<ChatMessage>,
  ) {}

  async erase(event: EventEnvelope): Promise<void> {
    const patientId = erasedPatientOf(event);
    if (!patientId) return;
    const rooms = await this.rooms.find({ patientId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    const roomIds = rooms.map((room) => room._id);
    if (roomIds.length === 0) return;
    // Events still waiting in a message's outbox carry its text: they go with it.
    await this.messages.collection.updateMany(
      { roomId: { $in: roomIds }, senderId: patientId },
      { $set: { body: ERASED_MESSAGE_TEXT, outbox: [] }, $unset: { outboxPending: '' } },
    );
    await this.rooms.collection.updateMany(
      { patientId },
      { $set: { 'patient.fullName': ERASED_PATIENT_NAME } },
    );
    await this.rooms.collection.updateMany(
      { patientId, 'lastMessage.senderId': patientId },
      { $set: { 'lastMessage.body': ERASED_MESSAGE_TEXT } },
    );
  }
}
