import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, StartUpWatch } from '@arogyam/service-kit';
import { GatewayConfig } from './config/gateway.config';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit('gateway', GatewayConfig);
  const app = await createGatewayApp(config);
  await StartUpWatch.during(app, (watch) => watch.step('listen', () => app.listen(config.PORT, '0.0.0.0')));
  new Logger('Bootstrap').log(`gateway ready on http://127.0.0.1:${config.PORT}/api (docs at /api/docs)`);
}

void main();
