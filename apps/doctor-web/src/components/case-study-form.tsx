import { useT, Button, FormError, TextAreaField, TextField } from '@arogyam/ui';
import { CASE_TEXTS, type CaseStudyDraft } from '../case-study-draft';
import type { CaseProblems } from '../case-study-problems';
import { CaseStudyImages } from './case-study-images';

interface CaseStudyFormProps {
  draft: CaseStudyDraft;
  onChange(draft: CaseStudyDraft): void;
  problems: CaseProblems;
  formError: string | null;
  busy: 'save' | 'submit' | null;
  onSave(): void;
  onSubmit(): void;
}

/**
 * Every field of a case. The server's problems (the de-identification check's places among them)
 * show under their field, tied to it by aria-describedby (FieldShell).
 */
export function CaseStudyForm({
  draft,
  onChange,
  problems,
  formError,
  busy,
  onSave,
  onSubmit,
}: CaseStudyFormProps) {
  const t = useT();
  // A text's control id is `case-<field>`: the id the server's problems are grouped under.
  const bind = (field: Exclude<keyof CaseStudyDraft, 'images'>) => ({
    id: `case-${field}`,
    name: field,
    value: draft[field],
    onChange: (event: { target: { value: string } }) => onChange({ ...draft, [field]: event.target.value }),
    error: problems[`case-${field}`],
  });

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FormError message={formError} />
      <TextField {...bind('title')} label={t('Title')} maxLength={150} required />
      <TextField {...bind('specialty')} label={t('Specialty')} maxLength={80} required />
      <TextField
        {...bind('tags')}
        label={t('Tags')}
        hint={t('Separated by commas, e.g. syncope, heart block.')}
      />
      {CASE_TEXTS.map(([field, label, hint]) => (
        <TextAreaField
          key={field}
          {...bind(field)}
          label={label}
          hint={hint || undefined}
          rows={5}
          maxLength={3000}
        />
      ))}
      <CaseStudyImages
        images={draft.images}
        onChange={(images) => onChange({ ...draft, images })}
        problems={problems}
      />
      <div className="row-actions">
        <Button variant="secondary" busy={busy === 'save'} disabled={busy !== null} onClick={onSave}>
          {t('Save draft')}
        </Button>
        <Button type="submit" busy={busy === 'submit'} disabled={busy !== null}>
          {t('Submit for review')}
        </Button>
      </div>
    </form>
  );
}
