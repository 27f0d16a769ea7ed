/**
 * `Dr. Meera Iyer`, unless the profile name already carries the title. Written so in Hindi too,
 * as the apps write it: a person meets the same name in an email as on the page.
 */
export const doctorName = (fullName: string): string =>
  /^dr\.?\s/i.test(fullName.trim()) ? fullName.trim() : `Dr. ${fullName.trim()}`;
