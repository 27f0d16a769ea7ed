import { Injectable } from '@nestjs/common';
import {
  DomainError,
  isDuplicateKey,
  ReviewEventTypes,
  requireRole,
  SubmitReviewBody,
  type Actor,
  type AppointmentReviewView,
  type DoctorReviewsQueryDto,
  type Page,
  type ReviewView,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, pageWindow, toOutboxEntry, toPage } from '@arogyam/persistence';
import { AppointmentLookup, NOT_YOUR_APPOINTMENT } from '@arogyam/service-kit';
import { DoctorRepository } from '../profiles/doctor.repository';
import { isListed } from '../profiles/listed-doctor';
import { DoctorRating } from './doctor-rating';
import { ReviewRepository } from './review.repository';
import { Review } from './review.schema';
import { reviewerName } from './reviewer-name';
import { toAppointmentReviewView, toReviewView } from './review-views';

const NOT_REVIEWED = 'This appointment has not been reviewed.';

/** A doctor's page shows a few reviews at a time. */
const REVIEWS_PAGE_SIZE = 10;

@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly doctors: DoctorRepository,
    private readonly appointments: AppointmentLookup,
    private readonly rating: DoctorRating,
    @InjectOutboxRelay(Review.name) private readonly relay: OutboxRelay<Review>,
  ) {}

  /**
   * The patient's review of their completed appointment. The insert under the appointment's id
   * is the claim: of two submissions, even at once, one is stored and the other answers 409.
   */
  async submit(actor: Actor, body: unknown): Promise<AppointmentReviewView> {
    requireRole(actor, 'patient');
    const { appointmentId, rating, comment } = await validateMessagePart(SubmitReviewBody, body);
    const appointment = await this.appointments.forActor(actor, appointmentId);
    if (appointment.patientId !== actor.userId) throw DomainError.notFound(NOT_YOUR_APPOINTMENT);
    if (appointment.status !== 'completed') {
      throw DomainError.unprocessable(
        `Only a completed consultation can be reviewed; this one is ${appointment.status.replace('_', ' ')}.`,
      );
    }
    // The stars and whose they are, for analytics: never the comment or the reviewer's name.
    const submitted = createEvent(ReviewEventTypes.submitted, {
      appointmentId: appointment.id,
      doctorId: appointment.doctorId,
      rating,
      submittedAt: new Date().toISOString(),
    });
    let review: Review;
    try {
      review = await this.reviews.insert({
        _id: appointment.id,
        doctorId: appointment.doctorId,
        patientId: appointment.patientId,
        reviewerName: reviewerName(appointment.patient.fullName),
        rating,
        ...(comment ? { comment } : {}),
        outbox: [toOutboxEntry(submitted)],
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw DomainError.conflict('You have already reviewed this appointment.');
      throw error;
    }
    void this.relay.flush(review._id);
    await this.rating.recount(review.doctorId);
    return toAppointmentReviewView(review);
  }

  /**
   * Read by `_id`, and who may see it decided from the review itself (it names both
   * people), so no call to appointment-service; anyone else gets the same 404 as for no review.
   */
  async forAppointment(actor: Actor, appointmentId: string): Promise<AppointmentReviewView> {
    const review = await this.reviews.findById(appointmentId);
    const member =
      review &&
      ((actor.role === 'patient' && review.patientId === actor.userId) ||
        (actor.role === 'doctor' && review.doctorId === actor.userId));
    if (!review || !member) throw DomainError.notFound(NOT_REVIEWED);
    return toAppointmentReviewView(review);
  }

  /** Newest first; like the public profile, only of a verified, active doctor (404 otherwise). */
  async forDoctor(doctorId: string, query: DoctorReviewsQueryDto = {}): Promise<Page<ReviewView>> {
    const doctor = await this.doctors.listingStatusOf(doctorId);
    if (!doctor || !isListed(doctor)) throw DomainError.notFound('Doctor not found');
    const window = pageWindow(query, REVIEWS_PAGE_SIZE);
    const { documents, total } = await this.reviews.pageOfDoctor(doctorId, window);
    return toPage(documents.map(toReviewView), total, window);
  }
}
