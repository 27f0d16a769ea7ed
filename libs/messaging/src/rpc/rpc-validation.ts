import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { errorPayload, type FieldProblem, type RpcErrorPayload } from '@arogyam/contracts';
import { payloadShapeProblem } from './payload-shape';

/** Flattens class-validator's tree into API.md's `[{field, problem}]`, with dotted paths. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({
      field,
      problem: problem.startsWith(`${error.property} `) ? problem.slice(error.property.length + 1) : problem,
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

export class RpcValidationError extends Error {
  constructor(readonly payload: RpcErrorPayload) {
    super(payload.message);
  }
}

/**
 * Services validate what arrives over NATS with the same DTOs as the gateway: any NATS client
 * could call them, and a service must not trust its caller for its own invariants.
 */
export const createValidationPipe = (onError: (problems: FieldProblem[]) => Error): ValidationPipe =>
  new ShapeCheckingValidationPipe(onError);

/** Ids in paths are short; a longer one is refused before it reaches a service or a subject. */
const MAX_PATH_PARAM_LENGTH = 200;

/** A ValidationPipe that first refuses payloads too deep or too big to validate (payload-shape.ts). */
class ShapeCheckingValidationPipe extends ValidationPipe {
  constructor(private readonly onError: (problems: FieldProblem[]) => Error) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => onError(toFieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // `custom` parameters (the caller, an uploaded file) come from the server, not the client.
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const problem =
      metadata.type === 'param' && typeof value === 'string' && value.length > MAX_PATH_PARAM_LENGTH
        ? `is longer than any id (${MAX_PATH_PARAM_LENGTH} characters)`
        : payloadShapeProblem(value);
    if (problem) throw this.onError([{ field: metadata.data ?? metadata.type, problem }]);
    return super.transform(value, metadata);
  }
}

export const createRpcValidationPipe = (): ValidationPipe =>
  createValidationPipe(
    (details) => new RpcValidationError(errorPayload(400, 'The request has invalid fields.', details)),
  );

/** The pipe `validateMessagePart` uses unless given one; it keeps no state between calls. */
let sharedRpcPipe: ValidationPipe | undefined;

/** Validates and transforms one part of a message (e.g. the `body` next to the `actor`). */
export async function validateMessagePart<T extends object>(
  dto: new () => T,
  value: unknown,
  pipe: ValidationPipe = (sharedRpcPipe ??= createRpcValidationPipe()),
): Promise<T> {
  return (await pipe.transform(value ?? {}, { type: 'body', metatype: dto })) as T;
}
