import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { raw } from 'express';
import helmet from 'helmet';
import { JsonLogger } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { bodyShapeMiddleware } from './http/body-shape.middleware';
import { ErrorBodyFilter } from './http/error-body.filter';
import { withErrorBody } from './http/openapi-error-body';
import { noStoreMiddleware } from './http/no-store.middleware';
import { PAYMENT_WEBHOOKS_PATH } from './payments/payment-webhooks.controller';
import { requestIdMiddleware } from './http/request-id.middleware';
import { createHttpValidationPipe } from './http/validation.pipe';
import { ConfiguredIoAdapter } from './realtime/configured-io.adapter';

/** Builds the HTTP + Socket.IO gateway; main.ts and the tests both start it this way. */
export async function createGatewayApp(config: GatewayConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: new JsonLogger('gateway', config.INSTANCE_ID, config.LOG_LEVEL),
    bodyParser: false,
  });
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware(config.INSTANCE_ID));
  app.use(helmet());
  app.use(noStoreMiddleware);
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  // Webhooks are signed over their exact bytes: that route alone keeps the raw body (same limit),
  // and the JSON parser then leaves it alone.
  app.use(PAYMENT_WEBHOOKS_PATH, raw({ type: () => true, limit: config.BODY_LIMIT }));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(bodyShapeMiddleware);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createHttpValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter());
  app.useWebSocketAdapter(
    new ConfiguredIoAdapter(app, config.corsOrigins, config.SOCKET_MESSAGE_LIMIT_BYTES),
  );
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Arogyam API')
    .setDescription('The public contract of the Arogyam gateway (see docs/api.md).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => withErrorBody(SwaggerModule.createDocument(app, openApi)));
  return app;
}
