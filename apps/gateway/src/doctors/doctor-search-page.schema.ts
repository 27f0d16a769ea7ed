import type { SchemaObject } from '@nestjs/swagger';
import { DOCTOR_GENDERS } from '@arogyam/contracts';

const text = { type: 'string' } as const;

/**
 * `Page<DoctorSummary>` for the OpenAPI document: the search route answers with bytes it keeps
 * (SentSearchPages), so Nest cannot read the type from its signature.
 */
export const DOCTOR_SEARCH_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'total', 'page', 'limit'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'fullName',
          'specialization',
          'languages',
          'yearsOfExperience',
          'consultationFee',
          'rating',
          'reviewCount',
        ],
        properties: {
          id: text,
          fullName: text,
          specialization: text,
          city: text,
          gender: { type: 'string', enum: [...DOCTOR_GENDERS] },
          languages: { type: 'array', items: text },
          yearsOfExperience: { type: 'integer' },
          consultationFee: {
            type: 'object',
            description: 'In paise',
            properties: { amount: { type: 'integer' }, currency: { type: 'string', example: 'INR' } },
          },
          rating: { type: 'number' },
          reviewCount: { type: 'integer' },
          qualifications: text,
          clinic: {
            type: 'object',
            properties: { name: text, addressLine: text, city: text },
          },
          photo: { type: 'string', description: 'A data URL' },
          nextAvailableAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
            description: 'The first free slot in the next two weeks; null when there is none',
          },
        },
      },
    },
    total: { type: 'integer' },
    page: { type: 'integer' },
    limit: { type: 'integer' },
    totalIsLowerBound: {
      type: 'boolean',
      description: 'Present (true) when counting stopped at `total`: at least that many match',
    },
  },
};
