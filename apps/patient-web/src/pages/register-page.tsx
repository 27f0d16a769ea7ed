import {
  Button,
  FormError,
  SelectField,
  TextField,
  optionalText,
  rawText,
  useSession,
  useSubmit,
  type AuthResult,
  type Gender,
  type PatientRegistration,
} from '@arogyam/ui';
import { Link, useNavigate } from 'react-router-dom';
import { GENDER_OPTIONS } from '../gender-options';
import { api } from '../session';

const FIELDS = ['email', 'password', 'fullName', 'phone', 'dateOfBirth', 'gender'] as const;

export function RegisterPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS, {
    409: 'This email is already registered. Log in instead, or use another email.',
  });

  const register = handleSubmit(async (data) => {
    const registration: PatientRegistration = {
      email: rawText(data, 'email').trim(),
      password: rawText(data, 'password'),
      fullName: rawText(data, 'fullName').trim(),
      phone: optionalText(data, 'phone'),
      dateOfBirth: optionalText(data, 'dateOfBirth'),
      gender: optionalText(data, 'gender') as Gender | undefined,
    };
    session.login(await api.post<AuthResult>('/patients/register', registration, { anonymous: true }));
    navigate('/', { replace: true });
  });

  return (
    <section className="card narrow">
      <title>Create your account · Arogyam</title>
      <h1>Create your account</h1>
      <p className="page-intro">Consult verified doctors online. It takes a minute.</p>
      <form onSubmit={register} noValidate>
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
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          error={fieldErrors.password}
        />
        <TextField
          label="Full name"
          name="fullName"
          autoComplete="name"
          required
          error={fieldErrors.fullName}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="Optional. Doctors may call this number about your consultation."
          error={fieldErrors.phone}
        />
        <TextField
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          autoComplete="bday"
          hint="Optional."
          error={fieldErrors.dateOfBirth}
        />
        <SelectField
          label="Gender"
          name="gender"
          options={GENDER_OPTIONS}
          hint="Optional."
          error={fieldErrors.gender}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            Create account
          </Button>
        </div>
      </form>
      <p className="muted">
        Already have an account? <Link to="/login">Sign in instead</Link>
      </p>
    </section>
  );
}
