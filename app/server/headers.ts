// The security headers every response carries, in one place. Scripts run only from our own origin or with the
// per-request nonce (Remix's inline hydration scripts get it); nothing may frame a page.

export type HeaderOptions = { nonce: string; production: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, production }: Pick<HeaderOptions, "nonce" | "production">): string {
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
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers only honour HSTS over https; it is sent in production when the app is reached over https.
    ...(options.production && options.https
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}
