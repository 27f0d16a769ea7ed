import { useT, Button, FieldShell, TextField } from '@arogyam/ui';
import { useState, type ChangeEvent } from 'react';
import { readAsDataUrl } from '../read-as-data-url';
import type { CaseStudyDraft } from '../case-study-draft';
import type { CaseProblems } from '../case-study-problems';

/** The API's limits (docs/api.md, case studies): three images, each a data URL of at most 20,000 characters. */
const MOST_IMAGES = 3;
const IMAGE_MAX_LENGTH = 20_000;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

interface CaseStudyImagesProps {
  images: CaseStudyDraft['images'];
  onChange(images: CaseStudyDraft['images']): void;
  problems: CaseProblems;
}

/**
 * The case's images, each with its caption (the alt text readers hear). Size and type are checked
 * here first; metadata (EXIF and the like) is checked by the server on submission.
 */
export function CaseStudyImages({ images, onChange, problems }: CaseStudyImagesProps) {
  const t = useT();
  const [problem, setProblem] = useState<string>();

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem('Choose a PNG, JPEG or WebP image.');
    const dataUrl = await readAsDataUrl(file).catch(() => undefined);
    if (!dataUrl) return setProblem('The file could not be read. Please choose it again.');
    if (dataUrl.length > IMAGE_MAX_LENGTH)
      return setProblem('This image is too large: choose one under 14 KB.');
    setProblem(undefined);
    onChange([...images, { dataUrl, caption: '' }]);
  };

  const change = (index: number, caption: string) =>
    onChange(images.map((image, at) => (at === index ? { ...image, caption } : image)));

  return (
    <fieldset className="field-wide">
      <legend>{t('Images')}</legend>
      {images.length > 0 && (
        <ul className="case-study-images">
          {images.map((image, index) => (
            <li key={index} className="stack">
              <img src={image.dataUrl} alt={image.caption || `Image ${index + 1}, no caption yet`} />
              {problems[`case-images-${index}`] && (
                <p className="field-error" id={`case-images-${index}-error`}>
                  {problems[`case-images-${index}`]}
                </p>
              )}
              <TextField
                id={`case-images-${index}-caption`}
                name={`caption-${index}`}
                label={`Caption of image ${index + 1}`}
                hint={t('What it shows, for readers who cannot see it.')}
                value={image.caption}
                maxLength={200}
                onChange={(event) => change(index, event.target.value)}
                error={problems[`case-images-${index}-caption`]}
              />
              <Button
                id={`case-images-${index}`}
                variant="quiet"
                aria-describedby={problems[`case-images-${index}`] ? `case-images-${index}-error` : undefined}
                onClick={() => onChange(images.filter((_, at) => at !== index))}
              >
                Remove image {index + 1}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {images.length < MOST_IMAGES && (
        <FieldShell
          label={t('Add an image')}
          hint={t(
            'PNG, JPEG or WebP under 14 KB, without metadata (EXIF), and nothing that shows who the patient is.',
          )}
          error={problem}
        >
          {(control) => (
            <input {...control} type="file" accept={TYPES.join(',')} onChange={(event) => void add(event)} />
          )}
        </FieldShell>
      )}
    </fieldset>
  );
}
