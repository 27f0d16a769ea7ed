import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import { useSession } from '../auth/session-context';
import { AsyncView } from '../components/async-view';
import { Button } from '../components/button';
import { StatusMessage } from '../components/status-message';
import { useAsync } from '../hooks/use-async';
import type { FieldErrors } from '../hooks/use-form-errors';
import { useSubmit } from '../hooks/use-submit';
import { useT } from '../i18n/use-t';

/** What the editor hands its form: wire `save` to the form's onSubmit. */
export interface ProfileForm {
  busy: boolean;
  saved: boolean;
  fieldErrors: FieldErrors;
  formError: string | null;
  save(event: FormEvent<HTMLFormElement>): Promise<void>;
}

export interface ProfileEditorProps<T> {
  api: ApiClient;
  /** The signed-in user's own profile: loaded with GET and saved with PATCH, e.g. `/patients/me`. */
  path: string;
  /** Names of the fields the form shows: the server's problems with them appear beside them. */
  fields: readonly string[];
  /** The changes to send, from what was typed. */
  read(data: FormData): unknown;
  /** The form, given the loaded profile and its saving state. */
  children(profile: T, form: ProfileForm): ReactNode;
}

/** Loads the user's own profile, then shows it in an editable form that saves it back. */
export function ProfileEditor<T extends { fullName: string }>(props: ProfileEditorProps<T>) {
  const t = useT();
  const profile = useAsync((signal) => props.api.get<T>(props.path, { signal }), []);

  return (
    <AsyncView
      state={profile}
      loadingLabel={t('Loading your profile…')}
      errorTitle={t('We could not load your profile')}
    >
      {(loaded) => <LoadedProfile<T> {...props} profile={loaded} onSaved={profile.setData} />}
    </AsyncView>
  );
}

interface LoadedProfileProps<T> extends ProfileEditorProps<T> {
  profile: T;
  onSaved(profile: T): void;
}

function LoadedProfile<T extends { fullName: string }>({
  api,
  path,
  fields,
  read,
  children,
  profile,
  onSaved,
}: LoadedProfileProps<T>) {
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(fields);

  const save = handleSubmit(async (data) => {
    setSaved(false);
    const updated = await api.patch<T>(path, read(data));
    onSaved(updated);
    // Keeps the name in the header in step with the profile.
    if (session.user) session.updateUser({ ...session.user, fullName: updated.fullName });
    setSaved(true);
  });

  return children(profile, { busy, saved, fieldErrors, formError, save });
}

/** The profile form's Save button, and the confirmation once the profile is saved. */
export function ProfileSaveActions({ busy, saved }: Pick<ProfileForm, 'busy' | 'saved'>) {
  const t = useT();
  return (
    <div className="form-actions">
      <Button type="submit" busy={busy}>
        {t('Save')}
      </Button>
      <StatusMessage message={saved ? 'Your profile has been saved.' : ''} />
    </div>
  );
}
