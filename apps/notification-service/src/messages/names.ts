import type { Translate } from '@arogyam/service-kit';

/** `Dr. Meera Iyer` (`डॉ. Meera Iyer`), unless the profile name already carries the title. */
export const doctorName = (fullName: string, t: Translate): string =>
  /^dr\.?\s/i.test(fullName.trim()) ? fullName.trim() : t('Dr. {{name}}', { name: fullName.trim() });
