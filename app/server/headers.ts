// The security headers every response carries, in one place. Scripts run only from our own origin or with the
// per-request nonce (Remix's inline hydration scripts get it); nothing may frame a page.

export type HeaderOptions = {
  nonce: string;
  production: boolean;
  https: boolean;
  /** Origins that may frame this response (an LTI launch's pages inside the LMS); none: nobody. */
  frameAncestors?: string[];
};

/**
 * Set by a page that may be framed (app/lti/frame.server.ts): the allowed origins, space-separated. The HTTP layer
 * turns it into `frame-ancestors` and drops `X-Frame-Options`; the header itself never leaves the server.
 */
export const FRAME_ANCESTORS_HEADER = "Gilde-Frame-Ancestors";

export function contentSecurityPolicy({
  nonce,
  production,
  frameAncestors,
}: Pick<HeaderOptions, "nonce" | "production" | "frameAncestors">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes (React's style={...}) are allowed; inline scripts never are.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The development server's live reload talks over a WebSocket.
    production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    // A form posts to us; paying continues on Stripe's Checkout page (a redirect after the post).
    "form-action 'self' https://checkout.stripe.com",
    frameAncestors?.length ? `frame-ancestors ${frameAncestors.join(" ")}` : "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    ...(options.frameAncestors?.length ? {} : { "X-Frame-Options": "DENY" }),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers only honour HSTS over https; it is sent in production when the app is reached over https.
    ...(options.production && options.https
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}
