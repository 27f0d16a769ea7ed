/**
 * The scope (an id) a change notice names, as `read` takes it from the message; undefined, which
 * makes `invalidateOnNotices` drop everything, when the notice names none or cannot be read.
 */
export function scopeNamedBy(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
