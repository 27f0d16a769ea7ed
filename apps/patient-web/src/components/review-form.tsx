import {
  useT,
  ApiError,
  Button,
  FormError,
  MAX_STARS,
  STAR_LABELS,
  TextAreaField,
  optionalText,
  useSubmit,
  type AppointmentReview,
} from '@arogyam/ui';
import { api } from '../session';

const MAX_COMMENT_LENGTH = 2000;
const STARS = Array.from({ length: MAX_STARS }, (_, index) => index + 1);

interface ReviewFormProps {
  appointmentId: string;
  onReviewed(review: AppointmentReview): void;
}

/** "Rate your consultation": 1 to 5 stars as labelled radio buttons, and an optional comment. */
export function ReviewForm({ appointmentId, onReviewed }: ReviewFormProps) {
  const t = useT();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['rating', 'comment'], {
    conflict: 'You have already reviewed this consultation.',
    unprocessable: 'You can rate a consultation once it is completed.',
  });

  const submit = handleSubmit(async (data) => {
    const rating = Number(data.get('rating'));
    if (!rating) {
      throw new ApiError(400, 'Bad Request', 'Please choose a rating.', [
        { field: 'rating', problem: 'Choose from 1 (poor) to 5 (excellent) stars.' },
      ]);
    }
    const path = `/appointments/${encodeURIComponent(appointmentId)}/review`;
    onReviewed(await api.post<AppointmentReview>(path, { rating, comment: optionalText(data, 'comment') }));
  });

  return (
    <form className="card review-form" onSubmit={submit} noValidate aria-labelledby="rate-heading">
      <h2 id="rate-heading">{t('Rate your consultation')}</h2>
      <p>
        {t("Your rating and comment appear on the doctor's profile with your first name and last initial.")}
      </p>
      <FormError message={formError} />
      <fieldset
        className={fieldErrors.rating ? 'choices field-invalid' : 'choices'}
        aria-describedby={fieldErrors.rating ? 'rating-error' : undefined}
      >
        <legend>{t('How was your consultation?')}</legend>
        <div className="choice-list">
          {STARS.map((stars) => (
            <label key={stars} className="choice">
              <input type="radio" name="rating" value={stars} />
              <span aria-hidden="true">{'★'.repeat(stars)}</span>
              {` ${stars} – ${STAR_LABELS[stars]}`}
            </label>
          ))}
        </div>
        {fieldErrors.rating && (
          <p id="rating-error" className="field-error">
            {fieldErrors.rating}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label={t('Comment')}
        name="comment"
        rows={3}
        maxLength={MAX_COMMENT_LENGTH}
        hint={t('Optional, up to {{n}} characters.', { n: MAX_COMMENT_LENGTH })}
        error={fieldErrors.comment}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {busy ? 'Submitting…' : 'Submit review'}
        </Button>
      </div>
    </form>
  );
}
