import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Preferences } from '../preferences/preferences.schema';
import { setIfNewer } from '../preferences/set-if-newer';
import type { ContactCopy, ContactField } from './contact-copy.schema';

type Role = NonNullable<ContactCopy['role']>;

/** One field of a person's contact as known at `at`; null: known to have none. */
export interface ContactFieldChange {
  userId: string;
  role: Role;
  field: ContactField;
  value: string | null;
  at: Date;
}

/**
 * The contact copy on `preferences` (keyed, and so indexed, by the user id). Notices read it with
 * the preferences (PreferencesRepository.findOfUsers); this reads one person's alone.
 */
@Injectable()
export class ContactCopyRepository {
  constructor(@InjectModel(Preferences.name) private readonly preferences: Model<Preferences>) {}

  /** The person's copy, or undefined when none is kept. */
  async findOf(userId: string): Promise<ContactCopy | undefined> {
    const found = await this.preferences
      .findById(userId, { contact: 1 })
      .lean<Pick<Preferences, 'contact'>>()
      .exec();
    return found?.contact ?? undefined;
  }

  /**
   * Each field as known at its time, unless a later value was applied already. Ordered per field:
   * a rename and a new phone number do not overrule each other.
   */
  async setFields(changes: ContactFieldChange[]): Promise<void> {
    for (const { userId, role, field, value, at } of changes) {
      const path = `contact.${field}`;
      await setIfNewer(this.preferences, userId, {
        atPath: `${path}At`,
        at,
        set: value === null ? { 'contact.role': role } : { 'contact.role': role, [path]: value },
        unset: value === null ? [path] : [],
      });
    }
  }
}
