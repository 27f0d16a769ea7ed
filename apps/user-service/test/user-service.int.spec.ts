import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import {
  EVENTS_STREAM,
  PRIVACY_NOTICE_VERSION,
  ProfileEventTypes,
  UserEventTypes,
  UserSubjects,
  eventSubject,
  type AccessTokenClaims,
  type AccountStatusAnswer,
  type AccountView,
  type AuthResult,
  type EventEnvelope,
  type ListUsersQueryDto,
  type Page,
  type RegisterAccountMessage,
  type RpcErrorPayload,
  type TokenPair,
  type UserRegisteredPayload,
  type UserRole,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { rpcFailure, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@arogyam/testing';
import { utcDay } from '@arogyam/persistence';
import { RefreshTokenCodec } from '../src/sessions/refresh-token-codec';
import { RefreshTokenRepository } from '../src/sessions/refresh-token.repository';
import {
  RefreshTokensService,
  START_UP_REACH_DAYS,
  SWEEP_REACH_DAYS,
} from '../src/sessions/refresh-tokens.service';
import { SearchKeysUpgrade } from '../src/accounts/search-keys-upgrade';
import { userService } from '../src/user-service';

const JWT_SECRET = 'user-service-test-secret-0123456789abcdef';
/** Mixed case on purpose: the seeder stores it lower-cased and login normalises what is typed. */
const ADMIN = { email: 'Root.Admin@Arogyam.Test', password: 'admin-password-1' };
const ENV = {
  JWT_SECRET,
  JWT_ACCESS_TTL_SECONDS: '600',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
};
const PASSWORD = 'patient-pass-1';
const DAY_MS = 86_400_000;

interface StoredAccount {
  _id: string;
  email: string;
  passwordHash: string;
  fullName: string;
  role: UserRole;
  status: string;
  outbox: unknown[];
  createdAt: Date;
}

const uniqueEmail = (name: string): string => `${name}.${randomUUID().slice(0, 8)}@example.com`;

const registration = (overrides: Partial<RegisterAccountMessage> = {}): RegisterAccountMessage => ({
  email: uniqueEmail('asha'),
  password: PASSWORD,
  fullName: 'Asha Rao',
  privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  role: 'patient',
  profile: { phone: '+91 98450 00000', dateOfBirth: '1990-04-02', gender: 'female' },
  ...overrides,
});

describe('user-service', () => {
  let service: ServiceUnderTest;
  const jwt = new JwtService({ secret: JWT_SECRET });

  const register = (message: RegisterAccountMessage | Record<string, unknown>): Promise<AuthResult> =>
    service.rpc.send(UserSubjects.register, message);
  const login = (email: string, password: string, role: UserRole = 'patient'): Promise<AuthResult> =>
    service.rpc.send(UserSubjects.login, { email, password, role });
  const refresh = (refreshToken: string): Promise<TokenPair> =>
    service.rpc.send(UserSubjects.refresh, { refreshToken });
  const logout = (userId: string, refreshToken: string): Promise<{ loggedOut: true }> =>
    service.rpc.send(UserSubjects.logout, { userId, refreshToken });
  const accountStatus = (userId: string): Promise<AccountStatusAnswer> =>
    service.rpc.send(UserSubjects.accountStatus, { userId });
  const list = (query: ListUsersQueryDto | Record<string, unknown>): Promise<Page<AccountView>> =>
    service.rpc.send(UserSubjects.list, query);
  const suspend = (userId: string, actorId: string): Promise<AccountView> =>
    service.rpc.send(UserSubjects.suspend, { userId, actorId });
  const reactivate = (userId: string, actorId: string): Promise<AccountView> =>
    service.rpc.send(UserSubjects.reactivate, { userId, actorId });

  const users = () => service.db.collection<StoredAccount>('users');
  const stored = (userId: string): Promise<StoredAccount | null> => users().findOne({ _id: userId });

  /** Every event on a subject in stream order, read back from JetStream itself. */
  const eventsOn = async <T>(type: string): Promise<EventEnvelope<string, T>[]> => {
    const jsm = await service.nats.jetstreamManager();
    const { state } = await jsm.streams.info(EVENTS_STREAM);
    const found: EventEnvelope<string, T>[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(EVENTS_STREAM, { seq });
      if (message.subject === eventSubject(type)) found.push(message.json<EventEnvelope<string, T>>());
    }
    return found;
  };
  const eventsAbout = async <T extends { userId: string }>(
    type: string,
    userId: string,
  ): Promise<EventEnvelope<string, T>[]> =>
    (await eventsOn<T>(type)).filter((event) => event.payload.userId === userId);
  const awaitEvent = async <T extends { userId: string }>(
    type: string,
    userId: string,
  ): Promise<EventEnvelope<string, T>> =>
    (await waitFor(async () => (await eventsAbout<T>(type, userId))[0], 10000, `evt.${type} for ${userId}`))!;
  /** Published events leave the account, so the relay does not publish them again. */
  const outboxDrained = (userId: string): Promise<boolean> =>
    waitFor(
      async () => {
        const account = await stored(userId);
        return Array.isArray(account?.outbox) && account.outbox.length === 0;
      },
      10000,
      `the outbox of ${userId} to drain`,
    );
  /**
   * A registered patient whose registration event has left the outbox. FerretDB 1.24 (SQLite)
   * applies an update as read, modify, write back, so a suspension racing the relay's clean-up of
   * the registration event could be lost; in production an admin acts long after that.
   */
  const settledPatient = async (overrides: Partial<RegisterAccountMessage> = {}): Promise<AuthResult> => {
    const session = await register(registration(overrides));
    await outboxDrained(session.user.id);
    return session;
  };
  const adminId = async (): Promise<string> => {
    const admin = await users().findOne({ role: 'admin' });
    if (!admin) throw new Error('no admin was seeded');
    return admin._id;
  };

  beforeAll(async () => {
    service = await startServiceUnderTest(userService, ENV);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers its health check', async () => {
    expect(await service.rpc.send('user.health.check', {})).toMatchObject({
      service: 'user',
      status: 'up',
      checks: { mongo: 'up' },
    });
  });

  describe('registration', () => {
    it('refuses a privacy notice other than the current one, with its own code, storing nothing', async () => {
      const message = registration({ privacyNoticeVersion: '2001-01-01' });
      expect(await rpcFailure(register(message))).toMatchObject({
        statusCode: 400,
        code: 'privacy_notice_outdated',
        details: [
          { field: 'privacyNoticeVersion', problem: expect.stringContaining(PRIVACY_NOTICE_VERSION) },
        ],
      });
      expect((await register({ ...message, privacyNoticeVersion: PRIVACY_NOTICE_VERSION })).user.email).toBe(
        message.email,
      );
    });

    it('creates the account and signs it in: user, access token and refresh token', async () => {
      const message = registration({ email: '  Meera.Iyer@Example.COM ', fullName: '  Meera Iyer ' });

      const result = await register(message);

      expect(Object.keys(result).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
      expect(result.user).toEqual({
        id: expect.any(String),
        role: 'patient',
        email: 'meera.iyer@example.com',
        fullName: 'Meera Iyer',
        privacyNotice: { version: PRIVACY_NOTICE_VERSION, acceptedAt: expect.any(String) },
      });
      expect(Date.now() - Date.parse(result.user.privacyNotice?.acceptedAt ?? '')).toBeLessThan(60_000);
      expect(result.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

      const claims = await jwt.verifyAsync<AccessTokenClaims & { iat: number; exp: number }>(
        result.accessToken,
      );
      expect(claims).toMatchObject({ sub: result.user.id, role: 'patient', email: 'meera.iyer@example.com' });
      expect(claims.exp - claims.iat).toBe(600);
      // Signed with HS256 and the configured secret only.
      await expect(
        new JwtService({ secret: `${JWT_SECRET}-other` }).verifyAsync(result.accessToken),
      ).rejects.toThrow();
      expect(JSON.parse(Buffer.from(result.accessToken.split('.')[0], 'base64url').toString())).toMatchObject(
        {
          alg: 'HS256',
        },
      );

      // The refresh token works straight away.
      expect(await refresh(result.refreshToken)).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
      });
    });

    it('keeps an argon2id hash of the password and only a hash of the refresh token', async () => {
      const result = await register(registration());

      const account = await stored(result.user.id);
      expect(account?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(account)).not.toContain(PASSWORD);

      const [id, secret] = result.refreshToken.split('.');
      const token = await service.db.collection('refreshTokens').findOne({ _id: id } as object);
      expect(token).toMatchObject({ userId: result.user.id, familyId: id, parentId: null, revokedAt: null });
      // The expiry sweep's key: the UTC day the token expires on.
      expect(token?.expiresDay).toBe(utcDay(token?.expiresAt as Date));
      expect(JSON.stringify(token)).not.toContain(secret);

      // The successor is stored under the one id derived from its parent, in the same family.
      const next = await refresh(result.refreshToken);
      const [nextId, nextSecret] = next.refreshToken.split('.');
      expect(nextId).toBe(RefreshTokenCodec.successorId(id));
      const successor = await service.db.collection('refreshTokens').findOne({ _id: nextId } as object);
      expect(successor).toMatchObject({
        userId: result.user.id,
        familyId: id,
        parentId: id,
        revokedAt: null,
      });
      expect(JSON.stringify(successor)).not.toContain(nextSecret);
    });

    it('publishes evt.user.registered with the profile fields once, and then empties the outbox', async () => {
      const message = registration({
        role: 'doctor',
        email: uniqueEmail('kavya'),
        fullName: 'Kavya Nair',
        profile: {
          specialization: 'General Medicine',
          licenseNumber: 'KMC-12345',
          yearsOfExperience: 8,
          consultationFee: { amount: 50000, currency: 'INR' },
          languages: ['English', 'Malayalam'],
        },
      });

      const { user } = await register(message);

      const event = await awaitEvent<UserRegisteredPayload>(UserEventTypes.registered, user.id);
      expect(event).toEqual({
        id: expect.any(String),
        type: UserEventTypes.registered,
        version: 1,
        occurredAt: expect.any(String),
        payload: {
          userId: user.id,
          role: 'doctor',
          email: message.email,
          fullName: 'Kavya Nair',
          profile: message.profile,
        },
      });
      expect(new Date(event.occurredAt).getTime()).not.toBeNaN();
      expect(await outboxDrained(user.id)).toBe(true);
      // The relay's flush and its sweep may both publish; the Nats-Msg-Id keeps one copy.
      expect(await eventsAbout(UserEventTypes.registered, user.id)).toHaveLength(1);
    });

    it('refuses a duplicate email with 409, whatever its case, and stores nothing', async () => {
      const message = registration();
      const first = await register(message);

      const again = await rpcFailure(register({ ...message, fullName: 'Someone Else' }));
      const shouted = await rpcFailure(register({ ...message, email: message.email.toUpperCase() }));

      const conflict: RpcErrorPayload = {
        statusCode: 409,
        error: 'Conflict',
        code: 'conflict',
        message: 'An account with this email already exists.',
      };
      expect(again).toEqual(conflict);
      expect(shouted).toEqual(conflict);
      expect(await users().countDocuments({ email: message.email })).toBe(1);
      expect(await stored(first.user.id)).toMatchObject({ fullName: 'Asha Rao' });
    });

    it('refuses a duplicate email even when both registrations race', async () => {
      const message = registration();

      const results = await Promise.allSettled([register(message), register(message), register(message)]);

      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(await users().countDocuments({ email: message.email })).toBe(1);
    });

    it('lets nobody register as an admin', async () => {
      const failure = await rpcFailure(register({ ...registration(), role: 'admin' }));

      expect(failure).toMatchObject({
        statusCode: 400,
        details: [expect.objectContaining({ field: 'role' })],
      });
    });
  });

  describe('login', () => {
    let account: AuthResult;

    beforeAll(async () => {
      account = await register(registration({ email: uniqueEmail('lata'), fullName: 'Lata M' }));
    });

    it('answers the user and a new session, whatever the case of the email', async () => {
      const result = await login(account.user.email.toUpperCase(), PASSWORD);

      expect(result.user).toEqual(account.user);
      expect(result.refreshToken).not.toBe(account.refreshToken);
      expect(await jwt.verifyAsync(result.accessToken)).toMatchObject({
        sub: account.user.id,
        role: 'patient',
        email: account.user.email,
      });
      // A login starts a family of its own: the registration session is untouched.
      expect(await refresh(result.refreshToken)).toBeDefined();
      expect(await refresh(account.refreshToken)).toBeDefined();
    });

    it('answers wrong password, unknown email and the wrong door with the identical 401', async () => {
      const wrongPassword = await rpcFailure(login(account.user.email, 'not-the-password'));
      const unknownEmail = await rpcFailure(login(uniqueEmail('nobody'), PASSWORD));
      const wrongDoor = await rpcFailure(login(account.user.email, PASSWORD, 'doctor'));
      const adminDoor = await rpcFailure(login(account.user.email, PASSWORD, 'admin'));

      expect(wrongPassword).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'not_signed_in',
        message: 'Email or password is incorrect.',
      });
      expect(unknownEmail).toEqual(wrongPassword);
      expect(wrongDoor).toEqual(wrongPassword);
      expect(adminDoor).toEqual(wrongPassword);
    });

    it('lets the seeded admin in through the admin door only', async () => {
      const result = await login(ADMIN.email, ADMIN.password, 'admin');

      expect(result.user).toEqual({
        id: await adminId(),
        role: 'admin',
        email: ADMIN.email.toLowerCase(),
        fullName: 'Administrator',
      });
      expect(await rpcFailure(login(ADMIN.email, ADMIN.password, 'patient'))).toMatchObject({
        statusCode: 401,
      });
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each refresh answers a new pair and the old refresh token is then refused', async () => {
      const session = await register(registration());

      const next = await refresh(session.refreshToken);

      expect(Object.keys(next).sort()).toEqual(['accessToken', 'refreshToken']);
      expect(next.refreshToken).not.toBe(session.refreshToken);
      expect(await jwt.verifyAsync(next.accessToken)).toMatchObject({
        sub: session.user.id,
        role: 'patient',
      });
      expect(await rpcFailure(refresh(session.refreshToken))).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'not_signed_in',
      });
    });

    it('a reused token revokes the whole family: the successor is refused too', async () => {
      const session = await register(registration());
      const second = await refresh(session.refreshToken);
      const third = await refresh(second.refreshToken);

      // The thief replays a token the user has already rotated away from.
      const reuse = await rpcFailure(refresh(session.refreshToken));

      expect(reuse).toMatchObject({ statusCode: 401, message: expect.stringMatching(/already used/) });
      expect(await rpcFailure(refresh(third.refreshToken))).toMatchObject({ statusCode: 401 });
      expect(await rpcFailure(refresh(second.refreshToken))).toMatchObject({ statusCode: 401 });
      // Other sessions of the same user are another family, and live on.
      const other = await login(session.user.email, PASSWORD);
      expect(await refresh(other.refreshToken)).toBeDefined();
    });

    it('two concurrent refreshes of one token: at most one succeeds, and the family ends', async () => {
      for (let round = 0; round < 5; round += 1) {
        const session = await register(registration());

        const results = await Promise.allSettled([
          refresh(session.refreshToken),
          refresh(session.refreshToken),
        ]);

        const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
        expect(won.length).toBeLessThanOrEqual(1);
        for (const result of results) {
          if (result.status === 'rejected') {
            expect(await rpcFailure(Promise.reject(result.reason))).toMatchObject({ statusCode: 401 });
          }
        }
        // The loser counts as reuse, so even the winner's successor is refused.
        for (const pair of won) {
          expect(await rpcFailure(refresh(pair.refreshToken))).toMatchObject({ statusCode: 401 });
        }
        expect(await rpcFailure(refresh(session.refreshToken))).toMatchObject({ statusCode: 401 });
      }
    });

    it('logout revokes the family, whichever of its tokens is presented', async () => {
      const session = await register(registration());
      const rotated = await refresh(session.refreshToken);

      expect(await logout(session.user.id, rotated.refreshToken)).toEqual({ loggedOut: true });

      expect(await rpcFailure(refresh(rotated.refreshToken))).toMatchObject({ statusCode: 401 });
      // Logging out with an already-used member of the family ends it just the same.
      const again = await login(session.user.email, PASSWORD);
      const later = await refresh(again.refreshToken);
      expect(await logout(session.user.id, again.refreshToken)).toEqual({ loggedOut: true });
      expect(await rpcFailure(refresh(later.refreshToken))).toMatchObject({ statusCode: 401 });
    });

    it('logout of an unknown or malformed token changes nothing and still answers', async () => {
      const session = await register(registration());
      const [id] = session.refreshToken.split('.');

      expect(await logout(session.user.id, `${id}.${'A'.repeat(43)}`)).toEqual({ loggedOut: true });
      expect(await logout(session.user.id, 'not-a-refresh-token')).toEqual({ loggedOut: true });
      expect(await refresh(session.refreshToken)).toBeDefined();
    });

    it("refuses to refresh past the session's absolute end (SESSION_MAX_DAYS after the login)", async () => {
      const session = await register(registration());
      const rotated = await refresh(session.refreshToken);
      const [id] = rotated.refreshToken.split('.');
      const token = await service.db.collection('refreshTokens').findOne({ _id: id } as object);
      // Every token of the family carries the login's end; move it into the past.
      expect(token?.sessionEndsAt).toBeInstanceOf(Date);
      await service.db
        .collection('refreshTokens')
        .updateOne({ _id: id } as object, { $set: { sessionEndsAt: new Date(Date.now() - 1000) } });

      expect(await rpcFailure(refresh(rotated.refreshToken))).toMatchObject({
        statusCode: 401,
        message: 'This session has reached its maximum length; please sign in again.',
      });
    });

    it("logout with another user's refresh token leaves that token working", async () => {
      const victim = await register(registration());
      const caller = await register(registration());

      expect(await logout(caller.user.id, victim.refreshToken)).toEqual({ loggedOut: true });

      expect(await refresh(victim.refreshToken)).toBeDefined();
    });

    it('refuses malformed, forged and unknown tokens with the same 401', async () => {
      const session = await register(registration());
      const [id] = session.refreshToken.split('.');

      const answers = await Promise.all(
        [
          'not-a-refresh-token',
          `${id}.${'A'.repeat(43)}`,
          `${randomUUID()}.${'A'.repeat(43)}`,
          `${session.refreshToken}.extra`,
        ].map((token) => rpcFailure(refresh(token))),
      );

      for (const answer of answers) {
        expect(answer).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'not_signed_in',
          message: 'This refresh token is not valid; please sign in again.',
        });
      }
      // A forged secret for a real id does not burn the real token.
      expect(await refresh(session.refreshToken)).toBeDefined();
    });

    it('the expiry sweep deletes tokens expired before yesterday within its reach, and keeps the rest', async () => {
      const tokens = service.app.get(RefreshTokenRepository);
      const userId = randomUUID();
      const startOfToday = Math.floor(Date.now() / DAY_MS) * DAY_MS;
      const expiringAt = async (at: number): Promise<string> => {
        const id = randomUUID();
        await tokens.insert({
          _id: id,
          userId,
          familyId: id,
          parentId: null,
          secretHash: 'x',
          expiresAt: new Date(at),
        });
        return id;
      };
      const dayBeforeYesterday = await expiringAt(startOfToday - DAY_MS - 1);
      const yesterday = await expiringAt(startOfToday - DAY_MS);
      const anHourAgo = await expiringAt(Date.now() - 3_600_000);
      const live = await expiringAt(Date.now() + 30 * DAY_MS);
      const beyondHourlyReach = await expiringAt(startOfToday - (SWEEP_REACH_DAYS + 2) * DAY_MS);
      const beyondStartUpReach = await expiringAt(startOfToday - (START_UP_REACH_DAYS + 2) * DAY_MS);
      const left = async (): Promise<string[]> =>
        (await service.db.collection('refreshTokens').find({ userId }).toArray()).map((token) =>
          String(token._id),
        );
      const sweeps = service.app.get(RefreshTokensService);

      expect(await sweeps.sweepExpired(SWEEP_REACH_DAYS)).toBeGreaterThanOrEqual(1);
      expect((await left()).sort()).toEqual(
        [yesterday, anHourAgo, live, beyondHourlyReach, beyondStartUpReach].sort(),
      );
      expect(await left()).not.toContain(dayBeforeYesterday);

      // A start-up sweep reaches further back, not beyond its own reach.
      await sweeps.sweepExpired(START_UP_REACH_DAYS);
      expect((await left()).sort()).toEqual([yesterday, anHourAgo, live, beyondStartUpReach].sort());
    });

    it('refuses an expired token', async () => {
      const session = await register(registration());
      const [id] = session.refreshToken.split('.');
      await service.db
        .collection('refreshTokens')
        .updateOne({ _id: id } as object, { $set: { expiresAt: new Date(Date.now() - 1000) } });

      expect(await rpcFailure(refresh(session.refreshToken))).toMatchObject({ statusCode: 401 });
    });
  });

  describe('suspension', () => {
    it('ends every session: login 403, status inactive, refresh refused, evt.user.suspended published', async () => {
      const session = await settledPatient();
      const secondDevice = await login(session.user.email, PASSWORD);
      const admin = await adminId();

      const suspended = await suspend(session.user.id, admin);

      expect(suspended).toEqual({
        ...session.user,
        status: 'suspended',
        createdAt: expect.any(String),
      });
      expect(await rpcFailure(login(session.user.email, PASSWORD))).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'forbidden',
        message: 'This account is suspended. Please contact support.',
      });
      // A wrong password still answers 401: a suspension is only told to the account's owner.
      expect(await rpcFailure(login(session.user.email, 'not-the-password'))).toMatchObject({
        statusCode: 401,
      });
      expect(await accountStatus(session.user.id)).toEqual({
        userId: session.user.id,
        role: 'patient',
        active: false,
        tokenVersion: 1,
      });
      for (const token of [session.refreshToken, secondDevice.refreshToken]) {
        const failure = await rpcFailure(refresh(token));
        expect([401, 403]).toContain(failure.statusCode);
      }

      const event = await awaitEvent<UserStatusChangedPayload>(UserEventTypes.suspended, session.user.id);
      expect(event).toMatchObject({
        type: UserEventTypes.suspended,
        version: 1,
        payload: { userId: session.user.id, role: 'patient' },
      });
      expect(await outboxDrained(session.user.id)).toBe(true);
    });

    it('reactivation lets the person sign in again and publishes evt.user.reactivated', async () => {
      const session = await settledPatient();
      const admin = await adminId();
      await suspend(session.user.id, admin);
      await outboxDrained(session.user.id);

      const reactivated = await reactivate(session.user.id, admin);

      expect(reactivated).toMatchObject({ id: session.user.id, status: 'active' });
      expect(await accountStatus(session.user.id)).toEqual({
        userId: session.user.id,
        role: 'patient',
        active: true,
        tokenVersion: 2,
      });
      const again = await login(session.user.email, PASSWORD);
      expect(await refresh(again.refreshToken)).toBeDefined();
      // Sessions ended by the suspension stay ended.
      expect(await rpcFailure(refresh(session.refreshToken))).toMatchObject({ statusCode: 401 });
      expect(
        await awaitEvent<UserStatusChangedPayload>(UserEventTypes.reactivated, session.user.id),
      ).toMatchObject({ payload: { userId: session.user.id, role: 'patient' } });
    });

    it('an admin cannot suspend themselves or another admin (422), nor an unknown user (404)', async () => {
      const admin = await adminId();
      const otherAdminId = randomUUID();
      const now = new Date();
      await users().insertOne({
        _id: otherAdminId,
        email: uniqueEmail('second.admin'),
        passwordHash: 'x',
        fullName: 'Second Admin',
        role: 'admin',
        status: 'active',
        outbox: [],
        createdAt: now,
      });

      expect(await rpcFailure(suspend(admin, admin))).toMatchObject({
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'unprocessable',
      });
      expect(await rpcFailure(suspend(otherAdminId, admin))).toMatchObject({ statusCode: 422 });
      expect(await rpcFailure(reactivate(admin, admin))).toMatchObject({ statusCode: 422 });
      expect(await rpcFailure(suspend(randomUUID(), admin))).toMatchObject({ statusCode: 404 });

      expect(await accountStatus(admin)).toMatchObject({ active: true });
      expect(await accountStatus(otherAdminId)).toMatchObject({ role: 'admin', active: true });
      expect(await login(ADMIN.email, ADMIN.password, 'admin')).toBeDefined();
      await users().deleteOne({ _id: otherAdminId });
    });
  });

  describe('account status', () => {
    it('answers role and activity, and 401 for an unknown account', async () => {
      const session = await register(registration({ role: 'doctor', profile: {} }));

      expect(await accountStatus(session.user.id)).toEqual({
        userId: session.user.id,
        role: 'doctor',
        active: true,
        tokenVersion: 0,
      });
      expect(await rpcFailure(accountStatus(randomUUID()))).toMatchObject({ statusCode: 401 });
    });
  });

  describe('listing', () => {
    const doctorIds: string[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 5; i += 1) {
        const { user } = await register(
          registration({
            role: 'doctor',
            email: uniqueEmail(`list.doctor${i}`),
            fullName: `List Doctor ${i}`,
          }),
        );
        doctorIds.push(user.id);
      }
      await Promise.all(doctorIds.map(outboxDrained));
      await suspend(doctorIds[0], await adminId());
    });

    it('filters by role and by status', async () => {
      const doctors = await list({ role: 'doctor', limit: 100 });
      const admins = await list({ role: 'admin' });
      const suspendedDoctors = await list({ role: 'doctor', status: 'suspended' });
      const suspended = await list({ status: 'suspended', limit: 100 });

      expect(doctors.items.every((account) => account.role === 'doctor')).toBe(true);
      expect(doctors.items.map((account) => account.id)).toEqual(expect.arrayContaining(doctorIds));
      expect(doctors.total).toBe(await users().countDocuments({ role: 'doctor' }));
      expect(admins).toMatchObject({
        total: 1,
        items: [{ role: 'admin', email: ADMIN.email.toLowerCase() }],
      });
      expect(suspendedDoctors.items.map((account) => account.id)).toEqual([doctorIds[0]]);
      expect(suspendedDoctors.total).toBe(1);
      expect(suspended.items.every((account) => account.status === 'suspended')).toBe(true);
      expect(suspended.items.map((account) => account.id)).toContain(doctorIds[0]);
    });

    it('answers account views, newest first, without credentials or the outbox', async () => {
      const { items } = await list({ role: 'doctor', limit: 100 });
      const ours = items.filter((account) => doctorIds.includes(account.id));

      expect(Object.keys(items[0]).sort()).toEqual([
        'createdAt',
        'email',
        'fullName',
        'id',
        // The privacy notice the doctor accepted at registration (admins see consent, not credentials).
        'privacyNotice',
        'role',
        'status',
      ]);
      const times = items.map((account) => Date.parse(account.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(ours.map((account) => account.fullName)).toEqual(
        ['List Doctor 4', 'List Doctor 3', 'List Doctor 2', 'List Doctor 1', 'List Doctor 0'].filter((name) =>
          ours.some((account) => account.fullName === name),
        ),
      );
    });

    it('pages with a total: pages neither overlap nor skip', async () => {
      const everything = await list({ role: 'doctor', limit: 100 });
      const pages: Page<AccountView>[] = [];
      for (let page = 1; page <= Math.ceil(everything.total / 2); page += 1) {
        pages.push(await list({ role: 'doctor', limit: 2, page }));
      }

      for (const [index, page] of pages.entries()) {
        expect(page).toMatchObject({ total: everything.total, page: index + 1, limit: 2 });
      }
      expect(pages.flatMap((page) => page.items.map((account) => account.id))).toEqual(
        everything.items.map((account) => account.id),
      );
      const beyond = await list({ role: 'doctor', limit: 2, page: pages.length + 1 });
      expect(beyond).toMatchObject({ items: [], total: everything.total });
      expect((await list({})).limit).toBe(20);
      expect((await list({})).page).toBe(1);
    });
  });

  describe('admin seed', () => {
    it('creates the admin once; another start with the same env neither duplicates nor changes it', async () => {
      const before = await users().find({ role: 'admin' }).toArray();
      expect(before).toHaveLength(1);
      expect(before[0]).toMatchObject({
        email: ADMIN.email.toLowerCase(),
        fullName: 'Administrator',
        status: 'active',
        outbox: [],
      });

      // Nothing left for the second instance's relay to publish on its own, private NATS.
      await waitFor(
        async () => (await users().countDocuments({ 'outbox.0': { $exists: true } })) === 0,
        10000,
        'every outbox to drain',
      );

      // A second instance (a restart, or a replica starting at the same time) on the same database.
      // Only its app uses that database: its own `db` handle and dropped database are another one.
      const second = await startServiceUnderTest(userService, { ...ENV, MONGO_DB: service.dbName });
      await second.stop();

      const after = await users().find({ role: 'admin' }).toArray();
      expect(after).toEqual(before);
      expect(await users().countDocuments({ email: ADMIN.email.toLowerCase() })).toBe(1);
      expect(await login(ADMIN.email, ADMIN.password, 'admin')).toBeDefined();
    });
  });

  describe('validation', () => {
    it('refuses unknown fields with 400 and details, and stores nothing', async () => {
      const message = registration();

      const failure = await rpcFailure(register({ ...message, isAdmin: true }));

      expect(failure).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid_input',
        message: 'The request has invalid fields.',
        details: [{ field: 'isAdmin', problem: 'property isAdmin should not exist' }],
      });
      expect(await users().countDocuments({ email: message.email })).toBe(0);
      expect(
        await rpcFailure(
          service.rpc.send(UserSubjects.login, {
            email: message.email,
            password: 'x',
            role: 'patient',
            otp: '1',
          }),
        ),
      ).toMatchObject({
        statusCode: 400,
        details: [{ field: 'otp', problem: 'property otp should not exist' }],
      });
    });

    it('refuses wrong types and missing fields, naming every one', async () => {
      const failure = await rpcFailure(
        register({ email: 12, password: 12345678, fullName: ['Asha'], role: 'patient', profile: 'none' }),
      );

      expect(failure.statusCode).toBe(400);
      expect(failure.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['email', 'password', 'fullName', 'profile']),
      );
      const missing = await rpcFailure(register({}));
      expect(missing.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['email', 'password', 'fullName', 'role', 'profile']),
      );
    });

    it('refuses operator injection in credentials', async () => {
      const failure = await rpcFailure(
        service.rpc.send(UserSubjects.login, {
          email: { $gt: '' },
          password: { $ne: null },
          role: 'patient',
        }),
      );

      expect(failure.statusCode).toBe(400);
      expect(failure.details?.map((detail) => detail.field)).toEqual(
        expect.arrayContaining(['email', 'password']),
      );
    });

    it('refuses bad session, status, admin and list messages', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        [UserSubjects.refresh, { refreshToken: 42 }, 'refreshToken'],
        [UserSubjects.refresh, { refreshToken: 'short' }, 'refreshToken'],
        [UserSubjects.logout, {}, 'refreshToken'],
        [UserSubjects.accountStatus, { userId: 7 }, 'userId'],
        [UserSubjects.suspend, { userId: randomUUID() }, 'actorId'],
        [UserSubjects.reactivate, { userId: randomUUID(), actorId: 'a'.repeat(65) }, 'actorId'],
        [UserSubjects.list, { role: 'superuser' }, 'role'],
        [UserSubjects.list, { status: 'deleted' }, 'status'],
        [UserSubjects.list, { limit: 500 }, 'limit'],
        [UserSubjects.list, { page: 0 }, 'page'],
        [UserSubjects.list, { limit: 'many' }, 'limit'],
        [UserSubjects.list, { sort: 'email' }, 'sort'],
      ];

      for (const [subject, message, field] of cases) {
        const failure = await rpcFailure(service.rpc.send(subject, message));
        expect({ subject, message, failure }).toMatchObject({
          failure: {
            statusCode: 400,
            error: 'Bad Request',
            code: 'invalid_input',
            details: expect.arrayContaining([expect.objectContaining({ field })]),
          },
        });
      }
    });
  });

  describe('names follow the profiles', () => {
    const renamed = (type: string, userId: string, fullName: string, occurredAt: Date) => ({
      ...createEvent(type, { userId, fullName }),
      occurredAt: occurredAt.toISOString(),
    });

    it('a profile rename renames the account: login and the user list answer the new name', async () => {
      const session = await settledPatient({ fullName: 'Asha Rao' });
      await service.events.publish(
        renamed(ProfileEventTypes.patientRenamed, session.user.id, 'Asha Rao-Menon', new Date()),
      );

      await waitFor(
        async () => (await stored(session.user.id))?.fullName === 'Asha Rao-Menon',
        10000,
        'rename',
      );
      expect((await login(session.user.email, PASSWORD)).user.fullName).toBe('Asha Rao-Menon');
      const listed = await list({ role: 'patient', limit: 100 });
      expect(listed.items.find((user) => user.id === session.user.id)?.fullName).toBe('Asha Rao-Menon');
    });

    it('a late older rename, a replay and another role’s rename change nothing', async () => {
      const session = await settledPatient({ fullName: 'Ravi Kumar' });
      const now = Date.now();
      const newest = renamed(
        ProfileEventTypes.patientRenamed,
        session.user.id,
        'Ravi K. Sharma',
        new Date(now),
      );
      await service.events.publish(newest);
      await waitFor(
        async () => (await stored(session.user.id))?.fullName === 'Ravi K. Sharma',
        10000,
        'rename',
      );

      await service.events.publish(
        renamed(ProfileEventTypes.patientRenamed, session.user.id, 'Ravi (old)', new Date(now - 60_000)),
      );
      await service.events.publish(
        renamed(ProfileEventTypes.doctorRenamed, session.user.id, 'Dr Not A Doctor', new Date(now + 1000)),
      );
      await service.events.publish({ ...newest, id: randomUUID(), payload: { userId: session.user.id } });
      // A marker after them, another patient's rename: once it is applied, the three before it were
      // handled (one consumer instance takes the events in stream order).
      const marker = await settledPatient({ fullName: 'Meena Pillai' });
      await service.events.publish(
        renamed(ProfileEventTypes.patientRenamed, marker.user.id, 'Meena P.', new Date(now)),
      );

      await waitFor(async () => (await stored(marker.user.id))?.fullName === 'Meena P.', 10000, 'marker');
      expect(await stored(session.user.id)).toMatchObject({ fullName: 'Ravi K. Sharma' });
    });
  });

  describe("the admins' user search", () => {
    it('finds by name words and email prefix; an account from before the search gets its keys once', async () => {
      const tag = randomUUID()
        .slice(0, 6)
        .replace(/[^a-z]/g, 'x');
      const session = await settledPatient({ fullName: `Zoë Kapoor${tag}`, email: uniqueEmail(`zk${tag}`) });
      const ids = async (q: string) => (await list({ q })).items.map((user) => user.id);
      expect(await ids(`KAPOOR${tag}`)).toEqual([session.user.id]);
      expect(await ids(`zoe kap`)).toContain(session.user.id);
      expect(await ids(`zk${tag}`)).toEqual([session.user.id]);
      expect(await ids(`kapoor${tag} x`)).toEqual([]);
      expect((await list({ q: `kapoor${tag}`, role: 'doctor' })).total).toBe(0);

      // An account as an earlier version stored it, and a database that never had the upgrade.
      await users().updateOne({ _id: session.user.id }, { $unset: { searchKeys: '' } });
      await service.db.collection('upgrades').deleteOne({ _id: 'account-search-keys-1' as never });
      expect(await ids(`kapoor${tag}`)).toEqual([]);
      await service.app.get(SearchKeysUpgrade).onApplicationBootstrap();
      expect(await ids(`kapoor${tag}`)).toEqual([session.user.id]);
      expect(
        await service.db.collection('upgrades').findOne({ _id: 'account-search-keys-1' as never }),
      ).toBeTruthy();

      // With the marker, a later start changes nothing (it reads the marker only).
      await users().updateOne({ _id: session.user.id }, { $unset: { searchKeys: '' } });
      await service.app.get(SearchKeysUpgrade).onApplicationBootstrap();
      expect(await ids(`kapoor${tag}`)).toEqual([]);
    });

    it('refuses a search longer than 100 characters', async () => {
      expect(await rpcFailure(list({ q: 'a'.repeat(101) }))).toMatchObject({ statusCode: 400 });
    });
  });
});
