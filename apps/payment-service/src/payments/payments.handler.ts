import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentPaymentMessage,
  ListPaymentsMessage,
  PaymentSubjects,
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

  @MessagePattern(PaymentSubjects.list)
  list(@Payload() message: ListPaymentsMessage): Promise<Page<PaymentView>> {
    return this.payments.list(message.actor, message.query);
  }
}
