import { JwtService } from '@nestjs/jwt';
import { httpClient } from './http';
import { CONSENT, PASSWORDS, registerPatient, uniqueEmail } from './people';
import { JWT_SECRET, startPlatformAsAdmin, type Platform } from './platform';
import { socketPool } from './sockets';

/**
 * Item 4 of the security issue (the parts built): logout ends only the caller's own sessions; a
 * suspension and reactivation end every earlier access token (token version); access tokens must
 * carry Arogyam's issuer and audience on HTTP and sockets; common and trivial passwords are refused.
 */
interface AuthBody {
  user: { id: string };
  accessToken: string;
  refreshToken: string;
}

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
const pool = socketPool();

const register = async (name: string): Promise<AuthBody> => {
  const answer = await call<AuthBody>('POST', '/api/patients/register', {
    body: { ...CONSENT, email: uniqueEmail(name), password: PASSWORDS.patient, fullName: name },
  });
  expect(answer.status).toBe(201);
  return answer.body;
};

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
}, 90000);

afterAll(async () => {
  pool.closeAll();
  await platform?.stop();
});

describe('logout', () => {
  it("with another user's refresh token leaves that token working", async () => {
    const victim = await register('Logout Victim');
    const caller = await register('Logout Caller');

    const loggedOut = await call('POST', '/api/auth/logout', {
      token: caller.accessToken,
      body: { refreshToken: victim.refreshToken },
    });
    expect(loggedOut.status).toBe(204);

    const refreshed = await call('POST', '/api/auth/refresh', {
      body: { refreshToken: victim.refreshToken },
    });
    expect(refreshed.status).toBe(200);
  });

  it('with your own refresh token ends that session', async () => {
    const me = await register('Logout Self');
    expect(
      (
        await call('POST', '/api/auth/logout', {
          token: me.accessToken,
          body: { refreshToken: me.refreshToken },
        })
      ).status,
    ).toBe(204);
    expect(
      (await call('POST', '/api/auth/refresh', { body: { refreshToken: me.refreshToken } })).status,
    ).toBe(401);
  });
});

describe('token version', () => {
  it('after a suspension and a reactivation the old access token is refused, on HTTP and sockets; a new login works', async () => {
    const person = await register('Suspended Then Back');
    const email = (await call<{ email: string }>('GET', '/api/patients/me', { token: person.accessToken }))
      .body.email;
    expect(
      (await call('POST', `/api/admin/users/${person.user.id}/suspend`, { token: adminToken })).status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/admin/users/${person.user.id}/reactivate`, { token: adminToken })).status,
    ).toBe(200);

    const old = await call('GET', '/api/patients/me', { token: person.accessToken });
    expect(old.status).toBe(401);
    await expect(pool.connect(platform.baseUrl, person.accessToken)).rejects.toThrow(
      /no longer matches the account/,
    );

    const login = await call<AuthBody>('POST', '/api/patients/login', {
      body: { email, password: PASSWORDS.patient },
    });
    expect(login.status).toBe(200);
    expect((await call('GET', '/api/patients/me', { token: login.body.accessToken })).status).toBe(200);
  });
});

describe('issuer and audience', () => {
  it('a token signed with the right secret but without them, or with others, is refused on HTTP and sockets', async () => {
    const patient = await registerPatient(call, 'Audience Check');
    const signer = new JwtService({ secret: JWT_SECRET });
    const claims = { sub: patient.id, role: 'patient', email: 'x@e2e.test', ver: 0 };
    const forged = [
      signer.sign(claims, { expiresIn: 600 }),
      signer.sign(claims, { expiresIn: 600, issuer: 'someone-else', audience: 'arogyam-api' }),
      signer.sign(claims, { expiresIn: 600, issuer: 'arogyam-user-service', audience: 'another-app' }),
    ];
    for (const token of forged) {
      expect((await call('GET', '/api/patients/me', { token })).status).toBe(401);
      await expect(pool.connect(platform.baseUrl, token)).rejects.toThrow(/invalid or expired/);
    }
    // The real one passes both.
    expect((await call('GET', '/api/patients/me', { token: patient.token })).status).toBe(200);
    await expect(pool.connect(platform.baseUrl, patient.token)).resolves.toBeDefined();
  });
});

describe('password policy', () => {
  it.each(['        ', 'password', '12345678', 'qwertyuiop', 'p@ssw0rd123'])(
    'refuses %j with a 400 that says why',
    async (password) => {
      const answer = await call('POST', '/api/patients/register', {
        body: { ...CONSENT, email: uniqueEmail('Weak Password'), password, fullName: 'Weak Password' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        message: 'This password is too easy to guess.',
        details: [{ field: 'password', problem: expect.stringMatching(/too easy to guess/) }],
      });
    },
  );

  it('refuses a password made of the person’s own email or name', async () => {
    const answer = await call('POST', '/api/doctors/register', {
      body: {
        ...CONSENT,
        email: 'meenakshi.sundaram@e2e.test',
        password: 'meenakshisundaram',
        fullName: 'Meenakshi Sundaram',
        specialization: 'Cardiology',
        licenseNumber: 'KMC-123456',
        yearsOfExperience: 3,
        consultationFee: { amount: 50000, currency: 'INR' },
      },
    });
    expect(answer.status).toBe(400);
  });
});
