import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PaymentStatus } from '@arogyam/contracts';
import { PaymentTransition, PaymentTransitionSchema } from './payment-transition.schema';

/**
 * `paymentTransitions`: no index but `_id_`. A claim's `_id` names the payment and the status it
 * leaves (or the refund's number), so claiming, reading and giving back a claim are all by `_id`.
 */
export const paymentTransitionModel: ModelDefinition = {
  name: PaymentTransition.name,
  schema: PaymentTransitionSchema,
};

/** The one id a claim on a payment leaving `from` can have: of two claims, one insert wins. */
export const transitionId = (paymentId: string, from: PaymentStatus): string => `${paymentId}:${from}`;

/** The claim on a payment's refund number `sequence`: of two refunds racing for it, one insert wins. */
export const refundClaimId = (paymentId: string, sequence: number): string =>
  `${paymentId}:refund:${sequence}`;

/** Every read and write of `paymentTransitions`. */
@Injectable()
export class PaymentTransitionRepository {
  constructor(@InjectModel(PaymentTransition.name) private readonly claims: Model<PaymentTransition>) {}

  /** Takes the claim; rejects with E11000 when it is held already. */
  async insert(claim: PaymentTransition): Promise<void> {
    await this.claims.create(claim);
  }

  findById(claimId: string): Promise<PaymentTransition | null> {
    return this.claims.findById(claimId).lean<PaymentTransition>().exec();
  }

  /** Gives the claim back, if it is still the one holding `eventId`. */
  async release(claimId: string, eventId: string): Promise<void> {
    await this.claims.deleteOne({ _id: claimId, eventId }).exec();
  }
}
