import { Injectable } from '@nestjs/common';
import type { UserRole } from '@arogyam/contracts';
import { NotificationServiceConfig } from '../config/notification-service.config';

/** Links into the reader's own app (each role signs in to its own), from the configured addresses. */
@Injectable()
export class AppLinks {
  constructor(private readonly config: NotificationServiceConfig) {}

  /** The app's address without a trailing slash. */
  base(role: UserRole): string {
    const url = {
      patient: this.config.PATIENT_APP_URL,
      doctor: this.config.DOCTOR_APP_URL,
      admin: this.config.ADMIN_APP_URL,
    }[role];
    return url.replace(/\/+$/, '');
  }

  /** A chat room in the reader's app. */
  chatRoom(reader: 'patient' | 'doctor', roomId: string): string {
    return `${this.base(reader)}/messages/${encodeURIComponent(roomId)}`;
  }

  /** The appointment's page in the patient's or the doctor's app, where Join and the details are. */
  appointment(reader: 'patient' | 'doctor', appointmentId: string): string {
    return `${this.base(reader)}/appointments/${encodeURIComponent(appointmentId)}`;
  }
}
