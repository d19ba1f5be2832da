// What the HTTP layer knows about the request being handled, reachable from anywhere in its async work: the form
// values the user sent (so a refusal page can give them back) and the address this request was made to.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestState = {
  /** What the form contained (passwords left out), once `readForm` has read it. */
  values?: Record<string, string>;
};

const store = new AsyncLocalStorage<RequestState>();

export function requestStateStore(): AsyncLocalStorage<RequestState> {
  return store;
}

export function currentRequestState(): RequestState | undefined {
  return store.getStore();
}
