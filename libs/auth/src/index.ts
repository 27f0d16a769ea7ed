export * from './password-hasher';
export * from './authenticated-user';
export * from './token-signing-key';
export * from './account-status-checker';
export * from './jwt.strategy';
export * from './jwt-auth.guard';
export * from './roles';
export * from './auth.module';
