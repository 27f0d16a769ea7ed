import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from '@arogyam/contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The one error body (docs/api.md, "Errors") in the OpenAPI document: a schema whose `code` lists
 * ERROR_CODES, and every operation's `default` response pointing at it.
 */
export function withErrorBody(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ErrorBody: {
        type: 'object',
        required: ['statusCode', 'error', 'code', 'message'],
        properties: {
          statusCode: { type: 'integer', example: 409 },
          error: { type: 'string', example: 'Conflict' },
          code: { type: 'string', enum: Object.keys(ERROR_CODES), example: 'slot_taken' },
          message: { type: 'string', description: 'For people; may change. Decide on `code`.' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'problem'],
              properties: { field: { type: 'string' }, problem: { type: 'string' } },
            },
          },
        },
      },
    },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation) continue;
      operation.responses = {
        ...operation.responses,
        default: {
          description: 'An error (docs/api.md, "Errors")',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        },
      };
    }
  }
  return document;
}
