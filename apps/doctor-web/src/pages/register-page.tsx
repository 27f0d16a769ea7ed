import {
  Button,
  FormError,
  TextField,
  rawText,
  useSession,
  useSubmit,
  type AuthResult,
  type DoctorRegistration,
} from '@arogyam/ui';
import { Link, useNavigate } from 'react-router-dom';
import { PracticeFields } from '../components/practice-fields';
import { PRACTICE_FIELDS, readPracticeDetails } from '../practice-details';
import { api } from '../session';

const FIELDS = ['email', 'password', 'licenseNumber', ...PRACTICE_FIELDS] as const;

export function RegisterPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS, {
    409: 'This email is already registered. Log in instead, or use another email.',
  });

  const register = handleSubmit(async (data) => {
    const registration: DoctorRegistration = {
      email: rawText(data, 'email').trim(),
      password: rawText(data, 'password'),
      licenseNumber: rawText(data, 'licenseNumber').trim(),
      ...readPracticeDetails(data, { blankText: 'omit' }),
    };
    session.login(await api.post<AuthResult>('/doctors/register', registration, { anonymous: true }));
    navigate('/', { replace: true });
  });

  return (
    <section className="card">
      <title>Join as a doctor · Arogyam for Doctors</title>
      <h1>Join Arogyam as a doctor</h1>
      <p className="page-intro">
        After you register, an Arogyam admin checks your medical registration number. Patients can find and
        book you once your profile is verified.
      </p>
      <form onSubmit={register} noValidate>
        <FormError message={formError} />
        <fieldset>
          <legend>Your account</legend>
          <div className="form-grid">
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
          </div>
        </fieldset>
        <fieldset>
          <legend>Your practice</legend>
          <PracticeFields
            errors={fieldErrors}
            afterSpecialization={
              <TextField
                label="Registration number"
                name="licenseNumber"
                required
                hint="Your medical council registration (licence) number, as on your certificate."
                error={fieldErrors.licenseNumber}
              />
            }
          />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            Create account
          </Button>
        </div>
      </form>
      <p className="muted">
        Already registered? <Link to="/login">Sign in instead</Link>
      </p>
    </section>
  );
}
