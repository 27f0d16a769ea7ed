import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { UserEventTypes } from '@arogyam/contracts';
import { createEvent } from '@arogyam/messaging';
import { pageWindow } from '@arogyam/persistence';
import {
  startServiceUnderTest,
  unindexedQueriesOf,
  type RecordedQuery,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { AccountRepository } from '../src/accounts/account.repository';
import { PasswordResetRepository } from '../src/password-resets/password-reset.repository';
import { RefreshTokenRepository } from '../src/sessions/refresh-token.repository';
import { userService } from '../src/user-service';

const ENV = { JWT_SECRET: 'user-service-test-secret-0123456789abcdef' };
const DAY_MS = 86_400_000;

/**
 * The admins' list with no role or status filter reads every account on FerretDB (nothing to push
 * down): it is admin-only and paged, and on MongoDB the `{createdAt: -1, _id: 1}` index gives
 * the page in order. Any filter it is given is an equality an index serves, and is checked.
 */
const unfilteredAdminList = (query: RecordedQuery): boolean =>
  query.collection === 'users' &&
  ['find', 'count'].includes(query.operation) &&
  Object.keys(query.filter).length === 0;

/** Every query each repository of user-service sends is served by an index (query-plans.ts). */
describe('user-service query plans', () => {
  let service: ServiceUnderTest;
  let connection: Connection;

  beforeAll(async () => {
    service = await startServiceUnderTest(userService, ENV);
    connection = service.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves every query of users from an index', async () => {
    const accounts = service.app.get(AccountRepository);
    const userId = randomUUID();
    const email = `asha.${userId.slice(0, 8)}@example.com`;
    const unserved = await unindexedQueriesOf(
      connection,
      async () => {
        await accounts.create(
          { _id: userId, email, passwordHash: 'x', fullName: 'Asha Rao', role: 'patient' },
          [createEvent(UserEventTypes.registered, { userId })],
        );
        await accounts.findById(userId);
        await accounts.findByEmail(email.toUpperCase());
        await accounts.roleAndStatusOf(userId);
        await accounts.pageForAdmins({ role: 'patient', status: 'active' }, pageWindow({}));
        await accounts.pageForAdmins({ role: 'patient' }, pageWindow({}));
        await accounts.pageForAdmins({ status: 'suspended' }, pageWindow({}));
        await accounts.pageForAdmins({}, pageWindow({}));
        // The admins' search: one key, a key of either kind, every word, the ids found by phone.
        await accounts.pageForAdmins({ match: { anyKey: ['n:asha'], everyKey: [] } }, pageWindow({}));
        await accounts.pageForAdmins(
          { match: { anyKey: ['n:asha', 'e:asha'], everyKey: [] }, role: 'patient' },
          pageWindow({}),
        );
        await accounts.pageForAdmins({ match: { anyKey: ['n:asha'], everyKey: ['n:rao'] } }, pageWindow({}));
        await accounts.pageForAdmins({ match: { ids: [userId] } }, pageWindow({}));
        await accounts.setStatus(userId, 'suspended', createEvent(UserEventTypes.suspended, { userId }));
        await accounts.rename(userId, 'patient', 'Asha Rao-Menon', new Date());
        const languageChanged = createEvent(UserEventTypes.languageChanged, { userId, language: 'hi' });
        await accounts.setLanguage(userId, 'hi', languageChanged);
        await accounts.setLanguage(userId, 'hi', languageChanged); // unchanged: read back by id
        await accounts.setPassword(userId, 'y', createEvent(UserEventTypes.passwordChanged, { userId }));
      },
      unfilteredAdminList,
    );
    expect(unserved).toEqual([]);
  });

  it('serves every query of refreshTokens from an index', async () => {
    const tokens = service.app.get(RefreshTokenRepository);
    const userId = randomUUID();
    const tokenId = randomUUID();
    const now = Date.now();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await tokens.insert({
        _id: tokenId,
        userId,
        familyId: tokenId,
        parentId: null,
        secretHash: 'x',
        expiresAt: new Date(now + 30 * DAY_MS),
      });
      await tokens.findById(tokenId);
      await tokens.familyRevoked(tokenId);
      await tokens.revokeFamily(tokenId, new Date());
      await tokens.revokeAllOfUser(userId, new Date());
      await tokens.deleteExpired(new Date(now - DAY_MS), new Date(now - 91 * DAY_MS));
    });
    expect(unserved).toEqual([]);
  });

  it('serves every query of passwordResets from an index', async () => {
    const resets = service.app.get(PasswordResetRepository);
    const userId = randomUUID();
    const now = Date.now();
    const unserved = await unindexedQueriesOf(connection, async () => {
      await resets.replace(userId, `hash-${userId}`, new Date(now), new Date(now + 60_000));
      await resets.replace(userId, `hash2-${userId}`, new Date(now), new Date(now + 60_000));
      await resets.findByTokenHash(`hash2-${userId}`);
      await resets.claim(userId, `hash2-${userId}`, new Date());
    });
    expect(unserved).toEqual([]);
  });
});
