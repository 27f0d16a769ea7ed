import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An upload under way (`uploadReservations`, in the database of the service that records it): the
 * id the gateway stores a file under, noted before the file goes into the bucket and released once
 * the service has recorded it. One still here long after is a file that never became a record,
 * which the service's UploadSweep deletes.
 */
@Schema({ collection: 'uploadReservations', versionKey: false })
export class UploadReservation {
  /** The id of the record to be (a health record's, a doctor's document's), which names the file. */
  @Prop({ type: String, required: true })
  _id: string;

  /** Whose upload it is (the patient, the doctor): with `_id`, what names the file in its bucket. */
  @Prop({ required: true })
  ownerId: string;

  @Prop({ required: true })
  reservedAt: Date;
}

export const UploadReservationSchema = SchemaFactory.createForClass(UploadReservation);
