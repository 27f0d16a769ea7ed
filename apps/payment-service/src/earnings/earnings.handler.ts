import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DoctorEarningsMessage, PaymentSubjects, type EarningsView } from '@arogyam/contracts';
import { EarningsService } from './earnings.service';

@Controller()
export class EarningsHandler {
  constructor(private readonly earnings: EarningsService) {}

  /** The calling doctor's: the doctor is the actor the gateway authenticated, never a query field. */
  @MessagePattern(PaymentSubjects.earnings)
  get(@Payload() message: DoctorEarningsMessage): Promise<EarningsView> {
    return this.earnings.of(message.actor, message.query);
  }
}
