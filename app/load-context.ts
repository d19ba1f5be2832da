// What the HTTP server hands every loader and action besides the request.
export type GildeLoadContext = {
  clientIp: string;
  /** Prerendered HTML the document render takes from here instead of from the loader data (<StaticHtml>). */
  staticHtml?: Map<string, string>;
  /** A fetch by Remix's client (?_data) rather than a page the browser loads or posts. */
  dataRequest?: boolean;
  /** This response's Content-Security-Policy nonce: the only inline scripts that run carry it. */
  cspNonce?: string;
};

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends GildeLoadContext {}
}

export function clientIp(context: Partial<GildeLoadContext> | undefined): string {
  return context?.clientIp || "onbekend";
}
