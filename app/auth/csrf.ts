// One origin check for every state-changing request. A browser sends Origin on every POST and Sec-Fetch-Site on
// every request; the Origin must be our own full origin (scheme, host and port). A state-changing request with
// neither header is refused: it did not come from a page of ours. The Stripe webhook is the one exception: its
// signature authenticates it, and so are the two steps of an LTI launch, which an LMS posts from its own site
// (authenticated by the platform's signed id_token and our single-use state).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CSRF_EXEMPT_PATHS = new Set(["/webhooks/stripe", "/lti/login", "/lti/launch"]);

export function isCrossSiteRequest(input: {
  method: string;
  path: string;
  /** Our own origin, e.g. "https://gilde.example.nl" (from APP_URL, else the address the request was sent to). */
  expectedOrigin: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (CSRF_EXEMPT_PATHS.has(input.path)) return false;
  if (input.secFetchSite && !["same-origin", "none"].includes(input.secFetchSite)) return true;
  if (input.origin) return originOf(input.origin) !== originOf(input.expectedOrigin);
  return !input.secFetchSite;
}

/** The normalised origin of a URL ("null" and anything unreadable never match). */
function originOf(value: string): string | null {
  if (value === "null") return null;
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
