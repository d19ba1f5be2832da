// Indexed reads in tests (rows of a query, matches in a page, regex groups): a missing element fails the test
// with a message that says what was missing, instead of a TypeError a few lines further on.
/** `items[index]`, counting from the end when `index` is negative (as `Array.prototype.at` does). */
export function at<T>(items: ArrayLike<T>, index: number, what = "an element"): T {
  const item = items[index < 0 ? items.length + index : index];
  if (item === undefined) throw new Error(`Expected ${what} at index ${index}, but there are ${items.length}.`);
  return item;
}

export function first<T>(items: ArrayLike<T>, what = "an element"): T {
  return at(items, 0, what);
}

/** The value under `key` (a file in an unzipped archive, a header, a field): it must be there. */
export function entry<T>(record: Partial<Record<string, T>>, key: string): T {
  const value = record[key];
  if (value === undefined) throw new Error(`Expected "${key}" among: ${Object.keys(record).join(", ") || "nothing"}.`);
  return value;
}
