import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  type Actor,
  type AppointmentListQueryDto,
  type AppointmentsForDayQueryDto,
  type AppointmentView,
  type Page,
} from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { AppointmentRepository, type ListFilters } from './appointment.repository';
import { isVisibleTo, NOT_FOUND, requireCareParty } from './appointment-access';
import { toAppointmentView, type StoredAppointment } from './appointment-views';
import { ReasonReads } from './reason-reads';

@Injectable()
export class AppointmentQueries {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly reasons: ReasonReads,
  ) {}

  /** The appointment if the actor may see it; 404 as if absent otherwise. Read by `_id`, checked in code. */
  async findVisible(actor: Actor, appointmentId: string): Promise<StoredAppointment> {
    const appointment = await this.appointments.findById(appointmentId);
    if (!appointment || !isVisibleTo(actor, appointment)) throw DomainError.notFound(NOT_FOUND);
    return appointment;
  }

  /** One appointment for its doctor or patient; its reason's reading (or refusal) is in the audit trail. */
  async getForActor(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    const appointment = await this.appointments.findById(appointmentId);
    if (!appointment) throw DomainError.notFound(NOT_FOUND);
    if (!isVisibleTo(actor, appointment))
      return this.reasons.refuse(actor, appointment, DomainError.notFound(NOT_FOUND));
    await this.reasons.trace(actor, [appointment]);
    return toAppointmentView(appointment);
  }

  /** For other services (prescriptions, video, chat), which decide access themselves. */
  async get(appointmentId: string): Promise<AppointmentView> {
    const appointment = await this.appointments.findById(appointmentId);
    if (!appointment) throw DomainError.notFound(NOT_FOUND);
    return toAppointmentView(appointment);
  }

  /** The patient of an appointment, to name in a refusal's audit entry; undefined if there is none. */
  patientOf(appointmentId: string): Promise<string | undefined> {
    return this.appointments
      .findById(appointmentId)
      .then((appointment) => appointment?.patientId)
      .catch(() => undefined);
  }

  /** The caller's own appointments, latest start first; upcoming ones soonest first. */
  async list(actor: Actor, query: AppointmentListQueryDto = {}): Promise<Page<AppointmentView>> {
    requireCareParty(actor);
    const filters: ListFilters = {
      status: query.status,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      when: query.when ? { list: query.when, now: new Date() } : undefined,
    };
    const window = pageWindow(query);
    const { documents, total } =
      actor.role === 'patient'
        ? await this.appointments.pageOfPatient(actor.userId, filters, window)
        : await this.appointments.pageOfDoctor(actor.userId, filters, window);
    await this.reasons.trace(actor, documents);
    return toPage(documents.map(toAppointmentView), total, window);
  }

  /** Admins: one UTC day of every doctor's appointments, in start order. */
  async listForDay(actor: Actor, query: AppointmentsForDayQueryDto): Promise<Page<AppointmentView>> {
    requireRole(actor, 'admin');
    const window = pageWindow(query);
    const { documents, total, totalIsLowerBound } = await this.appointments.pageOfDay(query.date, window);
    await this.reasons.trace(actor, documents);
    return toPage(documents.map(toAppointmentView), total, window, totalIsLowerBound);
  }
}
