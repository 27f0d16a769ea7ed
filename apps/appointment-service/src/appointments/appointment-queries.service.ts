import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  DomainError,
  requireRole,
  type Actor,
  type AppointmentListQueryDto,
  type AppointmentsForDayQueryDto,
  type AppointmentView,
  type Page,
} from '@arogyam/contracts';
import { pageWindow, toPage, type PageWindow } from '@arogyam/persistence';
import { Appointment } from './appointment.schema';
import { isVisibleTo, NOT_FOUND, requireCareParty, visibleTo } from './appointment-access';
import { APPOINTMENT_VIEW_FIELDS, toAppointmentView, type StoredAppointment } from './appointment-views';

const DAY_MS = 86_400_000;

@Injectable()
export class AppointmentQueries {
  constructor(@InjectModel(Appointment.name) private readonly appointments: Model<Appointment>) {}

  /**
   * The appointment if the actor may see it; 404 as if absent otherwise. Read by `_id` alone and
   * checked in code: FerretDB uses the index only for exactly that filter.
   */
  async findVisible(actor: Actor, appointmentId: string): Promise<StoredAppointment> {
    const appointment = await this.appointments
      .findById(appointmentId, APPOINTMENT_VIEW_FIELDS)
      .lean<StoredAppointment>()
      .exec();
    if (!appointment || !isVisibleTo(actor, appointment)) throw DomainError.notFound(NOT_FOUND);
    return appointment;
  }

  async getForActor(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    return toAppointmentView(await this.findVisible(actor, appointmentId));
  }

  /** For other services (prescriptions, video, chat), which decide access themselves. */
  async get(appointmentId: string): Promise<AppointmentView> {
    const appointment = await this.appointments
      .findById(appointmentId, APPOINTMENT_VIEW_FIELDS)
      .lean<StoredAppointment>()
      .exec();
    if (!appointment) throw DomainError.notFound(NOT_FOUND);
    return toAppointmentView(appointment);
  }

  /** The caller's own appointments, latest start first. */
  async list(actor: Actor, query: AppointmentListQueryDto = {}): Promise<Page<AppointmentView>> {
    requireCareParty(actor);
    const filter: FilterQuery<Appointment> = { ...visibleTo(actor) };
    if (query.status) filter.status = query.status;
    if (query.from || query.to) {
      filter.startAt = {
        ...(query.from ? { $gte: new Date(query.from) } : {}),
        ...(query.to ? { $lt: new Date(query.to) } : {}),
      };
    }
    return this.page(filter, { startAt: -1, _id: -1 }, pageWindow(query));
  }

  /** Admins: one UTC day of every doctor's appointments, in start order. */
  async listForDay(actor: Actor, query: AppointmentsForDayQueryDto): Promise<Page<AppointmentView>> {
    requireRole(actor, 'admin');
    const start = new Date(`${query.date}T00:00:00.000Z`);
    const filter = { startAt: { $gte: start, $lt: new Date(start.getTime() + DAY_MS) } };
    return this.page(filter, { startAt: 1, _id: 1 }, pageWindow(query));
  }

  /** `_id` last makes the order total, so pages never overlap or skip. */
  private async page(
    filter: FilterQuery<Appointment>,
    sort: Record<string, 1 | -1>,
    window: PageWindow,
  ): Promise<Page<AppointmentView>> {
    const [appointments, total] = await Promise.all([
      this.appointments
        .find(filter, APPOINTMENT_VIEW_FIELDS)
        .sort(sort)
        .skip(window.skip)
        .limit(window.limit)
        .lean<StoredAppointment[]>()
        .exec(),
      this.appointments.countDocuments(filter).exec(),
    ]);
    return toPage(appointments.map(toAppointmentView), total, window);
  }
}
