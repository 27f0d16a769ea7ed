import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import { ChatReadPointer } from '../chat-reads/chat-read-pointer.schema';
import { Notification } from '../notifications/notification.schema';
import { Preferences } from '../preferences/preferences.schema';
import { Reminder } from '../reminders/reminder.schema';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `user.erased` of a patient: everything notification-service holds of them goes. Their inbox
 * and their email and SMS records (which hold the address or number), their preferences and read
 * pointers, the reminders of their appointments (which copy their name); and the doctors' notices
 * that name them: those of their appointments (found through the patient's own notices and
 * reminders, which share the appointment) and of their chat room. Deletes only: a redelivery
 * finds nothing.
 */
@Injectable()
export class PatientErasure {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    @InjectModel(Reminder.name) private readonly reminders: Model<Reminder>,
    @InjectModel(Preferences.name) private readonly preferences: Model<Preferences>,
    @InjectModel(ChatReadPointer.name) private readonly readPointers: Model<ChatReadPointer>,
  ) {}

  async erase(event: EventEnvelope): Promise<void> {
    const patientId = erasedPatientOf(event);
    if (!patientId) return;
    const appointmentIds = await this.appointmentsOf(patientId);
    const aboutThePatient: FilterQuery<Notification>[] = [
      // A room's id ends with its patient's id (chatRoomId).
      { 'data.roomId': { $regex: `:${escapeRegExp(patientId)}$` } },
    ];
    if (appointmentIds.length > 0) aboutThePatient.push({ 'data.appointmentId': { $in: appointmentIds } });
    // Their own notices go last: a failure in between is retried with the appointment ids still found.
    await this.notifications.deleteMany({ userId: { $ne: patientId }, $or: aboutThePatient }).exec();
    await this.reminders.deleteMany({ 'appointment.patient.id': patientId }).exec();
    await this.readPointers.deleteMany({ userId: patientId }).exec();
    await this.preferences.deleteOne({ _id: patientId }).exec();
    await this.notifications.deleteMany({ userId: patientId }).exec();
  }

  /** The patient's appointments, from their own notices and their reminders. */
  private async appointmentsOf(patientId: string): Promise<string[]> {
    const [notified, reminded] = await Promise.all([
      this.notifications.distinct('data.appointmentId', { userId: patientId }).exec(),
      this.reminders.distinct('appointmentId', { 'appointment.patient.id': patientId }).exec(),
    ]);
    return [...new Set([...notified, ...reminded].filter((id): id is string => typeof id === 'string'))];
  }
}
