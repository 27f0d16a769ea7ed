import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/**
 * A whole-number environment variable from `min` to `max` (no upper bound when left out): what
 * `@IsInt() @Min(min) @Max(max)` said, in the order they were checked.
 */
export const IntSetting = (min: number, max?: number): PropertyDecorator =>
  // Stacked decorators apply bottom-up: Max, Min, then IsInt, which keeps the messages' order.
  applyDecorators(...(max === undefined ? [] : [Max(max)]), Min(min), IsInt());
