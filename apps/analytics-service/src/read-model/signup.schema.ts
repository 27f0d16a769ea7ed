import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { USER_ROLES, type UserRole } from '@arogyam/contracts';

/** A new account (`analyticsSignups`, keyed by the user id): its role and when; no name or email. */
@Schema({ collection: 'analyticsSignups', versionKey: false })
export class Signup {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, enum: USER_ROLES })
  role: UserRole;

  @Prop({ required: true })
  at: Date;

  /** The UTC day of `at` (\`2026-11-02\`): what a report selects by (an equality FerretDB pushes down). */
  @Prop({ required: true })
  day: string;
}

export const SignupSchema = SchemaFactory.createForClass(Signup);
