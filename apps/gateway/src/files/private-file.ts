import { Header, applyDecorators } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';

/**
 * A route that answers one person's file (a record, a receipt, an export): never kept by a browser
 * or proxy cache, and documented with the types it may be.
 */
export const PrivateFile = (...contentTypes: readonly string[]): MethodDecorator =>
  applyDecorators(Header('Cache-Control', 'private, no-store'), ApiProduces(...contentTypes));
