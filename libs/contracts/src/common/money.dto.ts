import { IsIn, IsInt, Max, Min } from 'class-validator';

export const CURRENCIES = ['INR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Money in integer minor units (paise), never floating point rupees. */
export class MoneyDto {
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount: number;

  @IsIn(CURRENCIES)
  currency: Currency;
}
