import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { MaxTextLength, MinTextLength } from '../common/text-length';

class ActorPart {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;
}

/** `payment.payment.create` and `payment.payment.get_for_appointment`. */
export class AppointmentPaymentMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId: string;
}

/** `payment.payment.status_of_appointments`: a doctor's queue (their own appointments), or an admin. */
export class AppointmentPaymentStatusesMessage extends ActorPart {
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  appointmentIds: string[];
}

/** `payment.payment.list`. */
export class ListPaymentsMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => PageQueryDto)
  query?: PageQueryDto;
}

/** `payment.refund.create` (admins). */
export class PaymentIdMessage extends ActorPart {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  paymentId: string;
}

/** `payment.receipt.pdf`: the payment's receipt, or with `refundId` the receipt of that refund. */
export class PaymentReceiptMessage extends PaymentIdMessage {
  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  refundId?: string;
}

export const SANDBOX_OUTCOMES = ['paid', 'failed'] as const;
export type SandboxOutcome = (typeof SANDBOX_OUTCOMES)[number];

/** `POST /api/payments/:id/sandbox-checkout`: how the sandbox checkout ends. */
export class SandboxCheckoutDto {
  @IsIn(SANDBOX_OUTCOMES)
  outcome: SandboxOutcome;
}

/** `payment.sandbox.complete`. */
export class SandboxCheckoutMessage extends PaymentIdMessage {
  @ValidateNested()
  @Type(() => SandboxCheckoutDto)
  body: SandboxCheckoutDto;
}

/** The largest webhook body the service accepts (base64 of the gateway's BODY_LIMIT and then some). */
export const MAX_WEBHOOK_BODY_BASE64 = 1_500_000;

/**
 * `payment.webhook.receive`: the provider's request as the gateway received it. The body travels
 * base64-encoded, byte for byte, because the signature is over the raw bytes; `headers` holds only
 * the provider's own (`x-…`) headers, lower-cased.
 */
export class PaymentWebhookMessage {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(32)
  provider: string;

  @IsBase64()
  @MaxTextLength(MAX_WEBHOOK_BODY_BASE64)
  rawBody: string;

  @IsObject()
  headers: Record<string, string>;
}
