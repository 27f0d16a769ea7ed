import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { DOCTOR_DOCUMENT_CONTENT_TYPES, type DoctorDocumentContentType } from '@arogyam/contracts';

/** One verification document on a doctor's profile; its bytes are in the object store (doctorDocumentObjectName). */
@Schema({ _id: false, versionKey: false })
export class DoctorDocument {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  fileName: string;

  @Prop({ type: String, required: true, enum: DOCTOR_DOCUMENT_CONTENT_TYPES })
  contentType: DoctorDocumentContentType;

  @Prop({ required: true, min: 1 })
  size: number;

  @Prop({ required: true })
  uploadedAt: Date;
}

export const DoctorDocumentSchema = SchemaFactory.createForClass(DoctorDocument);
