/** "Arjun Dev Sharma" → "Arjun S.": a reviewer is recognisable to the doctor, not to everyone. */
export function reviewerName(fullName: string): string {
  const names = fullName.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0) return 'A patient';
  const [first] = names;
  const last = names.length > 1 ? names[names.length - 1] : undefined;
  return last ? `${first} ${last.charAt(0).toUpperCase()}.` : first;
}
