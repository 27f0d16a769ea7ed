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
  const set = (field: keyof CaseStudyDraft) => (event: { target: { value: string } }) =>
    onChange({ ...draft, [field]: event.target.value });

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
      <TextField
        id="case-title"
        name="title"
        label={t('Title')}
        value={draft.title}
        onChange={set('title')}
        maxLength={150}
        required
        error={problems['case-title']}
      />
      <TextField
        id="case-specialty"
        name="specialty"
        label={t('Specialty')}
        value={draft.specialty}
        onChange={set('specialty')}
        maxLength={80}
        required
        error={problems['case-specialty']}
      />
      <TextField
        id="case-tags"
        name="tags"
        label={t('Tags')}
        hint={t('Separated by commas, e.g. syncope, heart block.')}
        value={draft.tags}
        onChange={set('tags')}
        error={problems['case-tags']}
      />
      {CASE_TEXTS.map(([field, label, hint]) => (
        <TextAreaField
          key={field}
          id={`case-${field}`}
          name={field}
          label={label}
          hint={hint || undefined}
          rows={5}
          maxLength={3000}
          value={draft[field]}
          onChange={set(field)}
          error={problems[`case-${field}`]}
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
