import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An upload under way (`uploadReservations`): the record id the gateway will store a file under,
 * noted before the file goes into the bucket and released once the record exists. One still here
 * long after is a file that never became a record, which the sweep deletes (upload-sweep.ts).
 */
@Schema({ collection: 'uploadReservations', versionKey: false })
export class UploadReservation {
  /** The record id, which names the file in the bucket (healthRecordObjectName). */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  patientId: string;

  @Prop({ required: true })
  reservedAt: Date;
}

export const UploadReservationSchema = SchemaFactory.createForClass(UploadReservation);
