import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LANGUAGES, type Language, type NotificationKind } from '@arogyam/contracts';
import { baseSchemaOptions } from '@arogyam/persistence';
import { ContactCopy, ContactCopySchema } from '../recipients/contact-copy.schema';

/** Email or SMS per kind, as the user set them; a kind never set follows the default. */
@Schema({ _id: false, versionKey: false })
export class KindSwitches implements Partial<Record<NotificationKind, boolean>> {
  @Prop()
  appointment?: boolean;

  @Prop()
  reminder?: boolean;

  @Prop()
  prescription?: boolean;

  @Prop()
  chat?: boolean;
}

const KindSwitchesSchema = SchemaFactory.createForClass(KindSwitches);

/**
 * A user's own choices, keyed by the user id. Only what the user chose is stored, so a user who
 * never chose follows the defaults, also when those change.
 */
@Schema({ ...baseSchemaOptions, collection: 'preferences' })
export class Preferences {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop()
  timezone?: string;

  /**
   * The account's language, copied from user-service's `user.language-changed` (the person sets it
   * there, not here): notifications, emails and SMS are written in it. Absent: English.
   */
  @Prop({ type: String, enum: LANGUAGES })
  language?: Language;

  /** When the language applied was chosen: an older change arriving late changes nothing. */
  @Prop({ type: Date })
  languageChangedAt?: Date;

  @Prop({ type: KindSwitchesSchema, default: {} })
  email: KindSwitches;

  @Prop({ type: KindSwitchesSchema, default: {} })
  sms: KindSwitches;

  /**
   * Where to reach the person, copied from the profile events (recipients/contact-events.ts): read
   * with the choices above, so a notice costs no lookup. Not the user's choice and not in their
   * preferences view.
   */
  @Prop({ type: ContactCopySchema })
  contact?: ContactCopy;
}

/** Fields only: read and written by `_id` (preferences.repository.ts). */
export const PreferencesSchema = SchemaFactory.createForClass(Preferences);
