import { translate } from '@arogyam/ui';

export function experienceText(years: number): string {
  return years === 1 ? translate('1 year experience') : translate('{{years}} years experience', { years });
}
