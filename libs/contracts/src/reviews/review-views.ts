/** What anyone sees of a review: the patient only as first name and last initial ("Arjun D."). */
export interface ReviewView {
  id: string;
  rating: number;
  comment?: string;
  reviewerName: string;
  createdAt: string;
}

/** What the appointment's patient and doctor see: the public review and what it belongs to. */
export interface AppointmentReviewView extends ReviewView {
  appointmentId: string;
  doctorId: string;
}
