import type { Currency } from './money.dto';

export interface Money {
  amount: number;
  currency: Currency;
}
