import { Prop } from '@nestjs/mongoose';
import { ACCOUNT_STATUSES, type AccountStatus } from '@arogyam/contracts';

/**
 * What every profile service keeps of the person behind an account. `_id` is the user id, so a
 * profile is found without a lookup and a second create for the same user finds the first.
 * `accountStatus` mirrors user-service's suspend/reactivate, which the profile service learns
 * from events; `accountStatusChangedAt` is the `occurredAt` of the last event applied, so an
 * older one arriving late is recognised and ignored.
 */
export abstract class PersonProfile {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, lowercase: true, trim: true })
  email: string;

  @Prop({ required: true, trim: true })
  fullName: string;

  @Prop({ type: String, required: true, enum: ACCOUNT_STATUSES, default: 'active' })
  accountStatus: AccountStatus;

  @Prop({ type: Date })
  accountStatusChangedAt?: Date;

  createdAt: Date;
  updatedAt: Date;
}
