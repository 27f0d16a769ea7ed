import type { Money } from '../api/types';
import { currentLocale } from '../i18n/i18n';

/** "₹500" or "₹1,250.50": amounts arrive in paise and are shown in rupees with Indian digit grouping. */
export function formatMoney({ amount, currency }: Money): string {
  const wholeRupees = amount % 100 === 0;
  return new Intl.NumberFormat(currentLocale(), {
    style: 'currency',
    currency,
    minimumFractionDigits: wholeRupees ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount / 100);
}

/** Inline amount of money (named apart from the `Money` API type it renders). */
export function MoneyText({ value }: { value: Money }) {
  return <span className="money">{formatMoney(value)}</span>;
}
