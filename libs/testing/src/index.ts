export * from './ports';
export * from './binaries';
export * from './local-infra';
export * from './docker-infra';
export * from './infra';
export * from './app-process';
export * from './service-under-test';
export * from './rpc-failure';
