// What the HTTP layer knows about the request being handled, reachable from anywhere in its async work: the form
// values the user sent (so a refusal page can give them back) and the address this request was made to.
// One instance per process on globalThis: the server entry and the Remix build each have a copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestState = {
  /** What the form contained (passwords left out), once `readForm` has read it. */
  values?: Record<string, string>;
};

declare global {
  var __gildeRequestState: AsyncLocalStorage<RequestState> | undefined;
}

export function requestStateStore(): AsyncLocalStorage<RequestState> {
  globalThis.__gildeRequestState ??= new AsyncLocalStorage<RequestState>();
  return globalThis.__gildeRequestState;
}

export function currentRequestState(): RequestState | undefined {
  return requestStateStore().getStore();
}
