import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  DomainError,
  PaymentSubjects,
  type PaymentWebhookMessage,
  type PaymentWebhookReceipt,
} from '@arogyam/contracts';
import { ServiceClient } from '../http/service-client';

/** The route the raw body parser serves (gateway-app.ts): the signature is over the exact bytes. */
export const PAYMENT_WEBHOOKS_PATH = '/api/payments/webhooks';

/** The provider's own headers travel on (its signature and event id); nothing else of the request does. */
const providerHeaders = (request: Request): Record<string, string> =>
  Object.fromEntries(
    Object.entries(request.headers).filter(
      (entry): entry is [string, string] => entry[0].startsWith('x-') && typeof entry[1] === 'string',
    ),
  );

/** Providers call this without a token; payment-service verifies the signature. */
@ApiExcludeController()
@Controller('payments/webhooks')
export class PaymentWebhooksController {
  constructor(private readonly services: ServiceClient) {}

  @Post(':provider')
  @HttpCode(200)
  receive(@Param('provider') provider: string, @Req() request: Request): Promise<PaymentWebhookReceipt> {
    const body: unknown = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw DomainError.badRequest('A webhook needs a body.');
    const message: PaymentWebhookMessage = {
      provider,
      rawBody: body.toString('base64'),
      headers: providerHeaders(request),
    };
    return this.services.send(PaymentSubjects.receiveWebhook, message);
  }
}
