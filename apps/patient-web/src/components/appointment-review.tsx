import { useT, AsyncView, Stars, formatDate, useAppointmentReview, type Appointment } from '@arogyam/ui';
import { api } from '../session';
import { ReviewForm } from './review-form';

/** Once the consultation is completed: the patient's review, or the form to give one. */
export function AppointmentReview({ appointment }: { appointment: Appointment }) {
  return appointment.status === 'completed' ? (
    <CompletedAppointmentReview appointmentId={appointment.id} />
  ) : null;
}

function CompletedAppointmentReview({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const review = useAppointmentReview(api, appointmentId);

  return (
    <AsyncView
      state={review}
      loadingLabel={t('Loading your review…')}
      errorTitle={t('We could not load your review')}
    >
      {(given) =>
        given ? (
          <section className="card" aria-labelledby="review-heading">
            <h2 id="review-heading">{t('Your review')}</h2>
            <p>
              <Stars rating={given.rating} /> <span className="muted">· {formatDate(given.createdAt)}</span>
            </p>
            {given.comment && <p className="review-comment">{given.comment}</p>}
            <p className="muted">{t("Thank you. Other patients see it on the doctor's profile.")}</p>
          </section>
        ) : (
          <ReviewForm appointmentId={appointmentId} onReviewed={(stored) => review.setData(stored)} />
        )
      }
    </AsyncView>
  );
}
