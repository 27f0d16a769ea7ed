import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { CURRENCIES, type Currency } from '../common/money.dto';
import { PageQueryDto } from '../common/page';
import { InstantRangePageQueryDto, OptionalIdFilter } from '../common/search-fields';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { trimText } from '../common/text-transforms';
import { PAYMENT_STATUSES, type PaymentStatus } from './payment-views';

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

/** `payment.payment.get` (admins), and the base of messages about one payment. */
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

/**
 * A refund's amount: Money of at least one paisa. Its own class, not a MoneyDto subclass: there a
 * redeclared `amount` with its own `@Min(1)` lost MoneyDto's `@IsInt`, and 1.5 paise went through.
 */
export class RefundAmountDto {
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;

  @IsIn(CURRENCIES)
  currency: Currency;
}

/** `POST /api/admin/payments/:id/refund`: without `amount`, all that is left to refund. */
export class RefundPaymentDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => RefundAmountDto)
  amount?: RefundAmountDto;

  @Transform(trimText)
  @IsString()
  @MinTextLength(3)
  @MaxTextLength(500)
  reason: string;
}

/** The `Idempotency-Key` header of a refund: the same key answers the first refund, never a second. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** `payment.refund.create` (admins). */
export class RefundPaymentMessage extends PaymentIdMessage {
  @ValidateNested()
  @Type(() => RefundPaymentDto)
  body: RefundPaymentDto;

  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey: string;
}

/** `GET /api/admin/payments`: every filter optional; dates are instants of creation, `to` exclusive. */
export class PaymentSearchQueryDto extends InstantRangePageQueryDto {
  @OptionalIdFilter()
  appointmentId?: string;

  @OptionalIdFilter()
  patientId?: string;

  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;
}

/** `payment.payment.search` (admins). */
export class PaymentSearchMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentSearchQueryDto)
  query?: PaymentSearchQueryDto;
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
