// One origin check for every state-changing request. Browsers send Origin on POST and Sec-Fetch-Site on
// every request; a request that carries neither is not from a browser form and is allowed (curl, tests).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_EXEMPT_PATHS = new Set(["/webhooks/stripe"]);

export function isCrossSiteRequest(input: {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  allowedOrigins?: string[];
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (CSRF_EXEMPT_PATHS.has(input.path)) return false;
  if (input.secFetchSite && !["same-origin", "none"].includes(input.secFetchSite)) return true;
  if (input.origin) {
    if (input.origin === "null") return true;
    let originHost: string;
    try {
      originHost = new URL(input.origin).host;
    } catch {
      return true;
    }
    if (input.allowedOrigins?.includes(input.origin)) return false;
    return originHost !== input.host;
  }
  return false;
}
