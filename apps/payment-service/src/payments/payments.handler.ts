import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentPaymentMessage,
  AppointmentPaymentStatusesMessage,
  ListPaymentsMessage,
  PaymentSubjects,
  type AppointmentPaymentStatusesView,
  type Page,
  type PaymentView,
} from '@arogyam/contracts';
import { PaymentsService } from './payments.service';

@Controller()
export class PaymentsHandler {
  constructor(private readonly payments: PaymentsService) {}

  @MessagePattern(PaymentSubjects.create)
  create(@Payload() message: AppointmentPaymentMessage): Promise<PaymentView> {
    return this.payments.create(message.actor, message.appointmentId);
  }

  @MessagePattern(PaymentSubjects.getForAppointment)
  getForAppointment(@Payload() message: AppointmentPaymentMessage): Promise<PaymentView> {
    return this.payments.getForAppointment(message.actor, message.appointmentId);
  }

  @MessagePattern(PaymentSubjects.statusOfAppointments)
  statusOfAppointments(
    @Payload() message: AppointmentPaymentStatusesMessage,
  ): Promise<AppointmentPaymentStatusesView> {
    return this.payments.statusesOf(message.actor, message.appointmentIds);
  }

  @MessagePattern(PaymentSubjects.list)
  list(@Payload() message: ListPaymentsMessage): Promise<Page<PaymentView>> {
    return this.payments.list(message.actor, message.query);
  }
}
