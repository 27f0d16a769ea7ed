import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { ClinicalNote, ClinicalNoteSchema } from './clinical-note.schema';

// `latestOf`: an appointment's newest version.
ClinicalNoteSchema.index({ appointmentId: 1, version: -1 });

export const clinicalNoteModel: ModelDefinition = { name: ClinicalNote.name, schema: ClinicalNoteSchema };

/** Every read and write of `clinicalNotes`. */
@Injectable()
export class ClinicalNoteRepository {
  constructor(@InjectModel(ClinicalNote.name) private readonly notes: Model<ClinicalNote>) {}

  /** The latest saved version of the appointment's notes, or null before the first save. */
  latestOf(appointmentId: string): Promise<ClinicalNote | null> {
    return this.notes.findOne({ appointmentId }).sort({ version: -1 }).lean<ClinicalNote>().exec();
  }

  /** Inserts a version under its `_id`; false when another save took that version first. */
  async insertVersion(note: ClinicalNote): Promise<boolean> {
    try {
      await this.notes.create(note);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
