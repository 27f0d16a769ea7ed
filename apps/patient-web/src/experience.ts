export function experienceText(years: number): string {
  return `${years} ${years === 1 ? 'year' : 'years'} experience`;
}
