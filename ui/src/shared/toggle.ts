/** `list` with `item` added, or taken out if it was there: a checkbox group's change. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((other) => other !== item) : [...list, item];
}
