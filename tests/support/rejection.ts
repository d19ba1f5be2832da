/** What a promise rejected with, when it must be an instance of `kind`; fails the test otherwise. */
export async function rejection<T>(promise: Promise<unknown>, kind: abstract new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof kind) return thrown;
    throw thrown;
  }
  throw new Error(`verwachtte een afwijzing met ${kind.name}`);
}
