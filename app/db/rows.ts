// Some SQL always yields exactly one row (an aggregate, SHOW, an upsert's RETURNING). Reading it through here
// fails with a clear message, instead of with a field read of undefined, if that ever stops being true.
export function oneRow<T>(rows: T[], query: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`Expected one row from ${query}, got none.`);
  return row;
}
