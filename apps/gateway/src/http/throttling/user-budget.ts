import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from '@arogyam/auth';
import { GatewayConfig } from '../../config/gateway.config';
import { SharedCounts } from './shared-counts';

/** What one person may do so often, counted on every gateway together. */
export type BudgetName = 'bookings' | 'uploads' | 'messages';

/** Why one more was refused, in words, and when the budget starts again. */
export interface BudgetRefusal {
  message: string;
  retryAfterSeconds: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Per-person budgets for what costs the platform or other people most when abused: bookings
 * (slots held from other patients), uploads (storage), chat messages (a doctor's attention, over
 * HTTP and sockets together). Counted in NATS (SharedCounts), so every gateway replica and every
 * socket of the person draws on the same budget.
 */
@Injectable()
export class UserBudgets {
  constructor(
    private readonly counts: SharedCounts,
    private readonly config: GatewayConfig,
  ) {}

  /** Counts one; answers the refusal when the person is over budget. */
  async spend(name: BudgetName, userId: string): Promise<BudgetRefusal | undefined> {
    const { limit, windowMs, per } = this.budgetOf(name);
    const counted = await this.counts.countOne(`budget:${name}:${userId}`, windowMs, limit);
    if (!counted || counted.hits <= limit) return undefined;
    return {
      message: `You have reached the limit of ${limit} ${name} per ${per}; please try again in ${counted.secondsLeft} seconds.`,
      retryAfterSeconds: counted.secondsLeft,
    };
  }

  private budgetOf(name: BudgetName): { limit: number; windowMs: number; per: string } {
    switch (name) {
      case 'bookings':
        return { limit: this.config.BOOKING_BUDGET_PER_HOUR, windowMs: HOUR_MS, per: 'hour' };
      case 'uploads':
        return { limit: this.config.UPLOAD_BUDGET_PER_HOUR, windowMs: HOUR_MS, per: 'hour' };
      case 'messages':
        return { limit: this.config.MESSAGE_BUDGET_PER_MINUTE, windowMs: 60_000, per: 'minute' };
    }
  }
}

const BUDGET = 'arogyam:user-budget';

/** Limits the route to the caller's budget of that name (with UserBudgetGuard, after JwtAuthGuard). */
export const Budget = (name: BudgetName): MethodDecorator & ClassDecorator => SetMetadata(BUDGET, name);

/** Answers 429 with Retry-After once the caller spent the route's budget. */
@Injectable()
export class UserBudgetGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly budgets: UserBudgets,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.getAllAndOverride<BudgetName | undefined>(BUDGET, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
    if (!name || !request.user) return true;
    const refusal = await this.budgets.spend(name, request.user.userId);
    if (!refusal) return true;
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(refusal.retryAfterSeconds));
    throw new HttpException(refusal.message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
