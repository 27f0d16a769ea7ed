import { useT, Button, FieldShell } from '@arogyam/ui';
import { useState, type ChangeEvent } from 'react';
import { readAsDataUrl } from '../read-as-data-url';

/** The API's limit on a photo's data URL (docs/api.md, doctor profile fields). */
const PHOTO_MAX_LENGTH = 24_000;
const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];

/**
 * The profile photo: chosen from a file, kept as the data URL the API takes (in a hidden input, so
 * the form sends it with the rest), shown as patients will see it. The API's limit is checked here
 * first, so a large photograph is refused with a sentence, not a 400.
 */
export function PhotoField({ initial, error }: { initial?: string; error?: string }) {
  const t = useT();
  const [photo, setPhoto] = useState(initial ?? '');
  const [problem, setProblem] = useState<string>();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem('Choose a PNG, JPEG, WebP or SVG image.');
    const dataUrl = await readAsDataUrl(file).catch(() => undefined);
    if (!dataUrl) return setProblem('The file could not be read. Please choose it again.');
    if (dataUrl.length > PHOTO_MAX_LENGTH) {
      return setProblem('This photo is too large: choose one under 17 KB (a small square picture).');
    }
    setProblem(undefined);
    setPhoto(dataUrl);
  };

  return (
    <div className="field-wide doctor-card-header">
      {photo ? (
        <img
          className="doctor-photo doctor-photo-small"
          src={photo}
          alt={t('Your photo, as patients see it')}
        />
      ) : (
        <span className="doctor-photo doctor-photo-small doctor-photo-initials">{t('No photo')}</span>
      )}
      <FieldShell
        label={t('Photo')}
        hint={t('Shown on your profile and in search: PNG, JPEG, WebP or SVG, under 17 KB.')}
        error={problem ?? error}
      >
        {(control) => (
          <input {...control} type="file" accept={TYPES.join(',')} onChange={(event) => void choose(event)} />
        )}
      </FieldShell>
      {photo && (
        <Button type="button" variant="quiet" onClick={() => setPhoto('')}>
          {t('Remove photo')}
        </Button>
      )}
      <input type="hidden" name="photo" value={photo} />
    </div>
  );
}
