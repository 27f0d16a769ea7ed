import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { GatewayConfig } from '../../config/gateway.config';
import { SharedCounts } from './shared-counts';

/**
 * Password reset requests per email address, whichever client sends them (the auth-ip budget counts
 * per client), so nobody can flood one inbox. Counted for every address alike, known or not, so a
 * refusal tells nothing about which addresses have accounts. Runs before validation: the address is
 * normalised here as the DTO will normalise it.
 */
@Injectable()
export class ResetEmailThrottleGuard implements CanActivate {
  constructor(
    private readonly counts: SharedCounts,
    private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body?: { email?: unknown } }>();
    const email = request.body?.email;
    // Not an address: validation refuses it with a 400, nothing is sent.
    if (typeof email !== 'string') return true;
    const counted = await this.counts.countOne(
      `reset-email:${email.trim().toLowerCase()}`,
      this.config.PASSWORD_RESET_EMAIL_WINDOW_SECONDS * 1000,
      this.config.PASSWORD_RESET_EMAIL_LIMIT,
    );
    if (!counted || counted.hits <= this.config.PASSWORD_RESET_EMAIL_LIMIT) return true;
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(counted.secondsLeft));
    throw new HttpException(
      `Too many password reset requests for this address; please try again in ${counted.secondsLeft} seconds.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
