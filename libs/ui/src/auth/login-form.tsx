import type { ApiClient } from '../api/api-client';
import type { AuthResult } from '../api/types';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { TextField } from '../components/text-field';
import { rawText } from '../forms/form-values';
import { useSubmit } from '../hooks/use-submit';
import { useSession } from './session-context';

const FIELDS = ['email', 'password'] as const;

export interface LoginFormProps {
  api: ApiClient;
  /** The role's login endpoint, e.g. `/patients/login`. */
  path: string;
  onLoggedIn(result: AuthResult): void;
}

/** Email + password form shared by the three apps; each posts to its own role's login endpoint. */
export function LoginForm({ api, path, onLoggedIn }: LoginFormProps) {
  const session = useSession();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS, {
    401: 'Email or password is incorrect.',
  });

  const logIn = handleSubmit(async (data) => {
    const credentials = { email: rawText(data, 'email').trim(), password: rawText(data, 'password') };
    const result = await api.post<AuthResult>(path, credentials, { anonymous: true });
    session.login(result);
    onLoggedIn(result);
  });

  // noValidate: the server is the one judge of input; its answers appear next to the fields.
  return (
    <form onSubmit={logIn} noValidate>
      <FormError message={formError} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          Log in
        </Button>
      </div>
    </form>
  );
}
