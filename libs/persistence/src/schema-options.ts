import type { SchemaOptions } from 'mongoose';

interface WithId {
  _id?: unknown;
  id?: string;
}

/**
 * Base options for every schema: timestamps, no `__v`, and JSON with a string `id` (ids are
 * strings in the public API) and without internal fields such as the outbox.
 */
export const baseSchemaOptions: SchemaOptions = {
  timestamps: true,
  versionKey: false,
  toJSON: {
    virtuals: false,
    transform: (_doc, ret: WithId & Record<string, unknown>) => {
      ret.id = String(ret._id);
      delete ret._id;
      delete ret.outbox;
      return ret;
    },
  },
};
