// Reading FormData without business rules: values go to the server as typed, the server validates.

/** The raw value (passwords are not trimmed). */
export function rawText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** Trimmed text, or undefined when left blank so optional fields are simply not sent. */
export function optionalText(data: FormData, name: string): string | undefined {
  const value = rawText(data, name).trim();
  return value === '' ? undefined : value;
}

/** A number field, or undefined when blank (the server reports a missing required value). */
export function optionalNumber(data: FormData, name: string): number | undefined {
  const value = optionalText(data, name);
  return value === undefined ? undefined : Number(value);
}

/** "Hindi, English ,Tamil" → ["Hindi", "English", "Tamil"]. */
export function commaSeparated(data: FormData, name: string): string[] {
  return rawText(data, name)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
