/** How often a published case was read, in words: "not read yet", "read once", "read 12 times". */
export const readsText = (count: number): string =>
  count === 0 ? 'not read yet' : count === 1 ? 'read once' : `read ${count} times`;
