/** `Dr. Meera Iyer`, unless the profile name already carries the title. */
export const doctorName = (fullName: string): string =>
  /^dr\.?\s/i.test(fullName.trim()) ? fullName.trim() : `Dr. ${fullName.trim()}`;
