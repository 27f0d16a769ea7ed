import { BadRequestException, type ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '@arogyam/messaging';

/** Whitelist, forbid unknown fields, transform; a 400 lists every field problem as `details`. */
export const createHttpValidationPipe = (): ValidationPipe =>
  createValidationPipe(
    (details) => new BadRequestException({ message: 'The request has invalid fields.', details }),
  );
