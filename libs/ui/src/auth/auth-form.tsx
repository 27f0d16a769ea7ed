import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { AuthResult } from '../api/types';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import type { FieldErrors, StatusMessages } from '../hooks/use-form-errors';
import { useSubmit } from '../hooks/use-submit';
import { useSession } from './session-context';

export interface AuthFormProps<Body> {
  api: ApiClient;
  /** The endpoint that answers with a session, e.g. `/patients/login` or `/doctors/register`. */
  path: string;
  /** Names of the fields the form shows: the server's problems with them appear beside them. */
  fields: readonly string[];
  /** Per-status wording for the form's error banner. */
  messages?: StatusMessages;
  /** The request body, from what was typed. */
  read(data: FormData): Body;
  submitLabel: string;
  /** What happens once signed in; by default the app's home page replaces the form in the history. */
  onSignedIn?(result: AuthResult): void;
  /** The form's fields, given the server's problems with them. */
  children(fieldErrors: FieldErrors): ReactNode;
}

/** A login or registration form: posts without a token and starts the session from the answer. */
export function AuthForm<Body>({
  api,
  path,
  fields,
  messages,
  read,
  submitLabel,
  onSignedIn,
  children,
}: AuthFormProps<Body>) {
  const session = useSession();
  const navigate = useNavigate();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(fields, messages);

  const submit = handleSubmit(async (data) => {
    const result = await api.post<AuthResult>(path, read(data), { anonymous: true });
    session.login(result);
    if (onSignedIn) onSignedIn(result);
    else navigate('/', { replace: true });
  });

  // noValidate: the server is the one judge of input; its answers appear next to the fields.
  return (
    <form onSubmit={submit} noValidate>
      <FormError message={formError} />
      {children(fieldErrors)}
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
