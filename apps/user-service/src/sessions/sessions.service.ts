import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  DomainError,
  type AccessTokenClaims,
  type AuthResult,
  type LoginMessage,
  type TokenPair,
} from '@arogyam/contracts';
import { PasswordHasher } from '@arogyam/auth';
import type { Account } from '../accounts/account.schema';
import { AccountsService } from '../accounts/accounts.service';
import { toUserView } from '../accounts/account-views';
import { RefreshTokensService } from './refresh-tokens.service';

const WRONG_CREDENTIALS = 'Email or password is incorrect.';

@Injectable()
export class SessionsService {
  /** Verified against when the email is unknown, so both failures cost the same time. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly accounts: AccountsService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  /** Wrong password, unknown email and the wrong door (role) all answer the same 401. */
  async login(message: LoginMessage): Promise<AuthResult> {
    const account = await this.accounts.findByEmail(message.email);
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    const passwordOk = await this.hasher.verify(
      account?.passwordHash ?? (await this.dummyHash),
      message.password,
    );
    if (!account || !passwordOk || account.role !== message.role)
      throw DomainError.unauthorized(WRONG_CREDENTIALS);
    if (account.status !== 'active')
      throw DomainError.forbidden('This account is suspended. Please contact support.');
    return this.startSession(account);
  }

  async startSession(account: Account): Promise<AuthResult> {
    const tokens = await this.issueTokens(account, await this.refreshTokens.issue(account._id));
    return { user: toUserView(account), ...tokens };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const { owner, token } = await this.refreshTokens.rotate(refreshToken, async (userId) => {
      const account = await this.accounts.findById(userId);
      if (!account) throw DomainError.unauthorized('This account no longer exists.');
      if (account.status !== 'active')
        throw DomainError.forbidden('This account is suspended. Please contact support.');
      return account;
    });
    return this.issueTokens(owner, token);
  }

  /** Ends the token's session if it is the caller's; anyone else's is left alone (and not told apart). */
  logout(userId: string, refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(userId, refreshToken);
  }

  endAllSessions(userId: string): Promise<void> {
    return this.refreshTokens.revokeAllOf(userId);
  }

  private async issueTokens(account: Account, refreshToken: string): Promise<TokenPair> {
    const claims: AccessTokenClaims = {
      sub: account._id,
      role: account.role,
      email: account.email,
      ver: account.tokenVersion ?? 0,
    };
    return { accessToken: await this.jwt.signAsync(claims), refreshToken };
  }
}
