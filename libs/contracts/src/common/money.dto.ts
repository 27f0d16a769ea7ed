import { IsIn, IsInt, Max, Min } from 'class-validator';

export const CURRENCIES = ['INR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The largest amount a fee or a payment may be, in paise (₹10,00,000). */
export const MAX_MONEY_AMOUNT = 100_000_000;

/** Money in integer minor units (paise), never floating point rupees. */
export class MoneyDto {
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  amount: number;

  @IsIn(CURRENCIES)
  currency: Currency;
}
