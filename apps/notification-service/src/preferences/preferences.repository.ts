import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey, type Language } from '@arogyam/contracts';
import { Preferences, PreferencesSchema } from './preferences.schema';
import { setIfNewer } from './set-if-newer';

export const preferencesModel: ModelDefinition = { name: Preferences.name, schema: PreferencesSchema };

/** Every read and write of `preferences`: one document per user, keyed (and so indexed) by the user id. */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectModel(Preferences.name) private readonly preferences: Model<Preferences>) {}

  /** What the user chose, or null when they never chose anything. */
  findOfUser(userId: string): Promise<Preferences | null> {
    return this.preferences.findById(userId).lean<Preferences>().exec();
  }

  /** What each of the users chose, in one read (`_id` `$in`: the `_id_` index); users who never chose are absent. */
  findOfUsers(userIds: string[]): Promise<Preferences[]> {
    return this.preferences
      .find({ _id: { $in: userIds } })
      .lean<Preferences[]>()
      .exec();
  }

  /**
   * Sets the user's language as chosen at `at`, creating their document if they have none, unless
   * a later choice was applied already (a redelivered or late event then changes nothing).
   */
  setLanguage(userId: string, language: Language, at: Date): Promise<void> {
    return setIfNewer(this.preferences, userId, { atPath: 'languageChangedAt', at, set: { language } });
  }

  /**
   * Sets `changes` (dotted paths such as `email.chat`) on the user's document, creating it on their
   * first choice, and answers it as it now stands.
   */
  async setChoices(userId: string, changes: Record<string, unknown>): Promise<Preferences | null> {
    const upsert = () =>
      this.preferences
        .findOneAndUpdate({ _id: userId }, { $set: changes }, { upsert: true, new: true })
        .lean<Preferences>()
        .exec();
    try {
      return await upsert();
    } catch (error) {
      // The user's first two changes raced and both tried to insert; the second now updates.
      if (!isDuplicateKey(error)) throw error;
      return await upsert();
    }
  }
}
