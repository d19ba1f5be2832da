// A fake LMS on loopback standing in for Brightspace, Canvas or Moodle in the LTI tests: its own signing keys and
// JWKS (counting fetches, rotatable), an OIDC authorisation endpoint that answers with the auto-submitted form of
// id_token and state a real platform sends, and a signer for id_tokens with any claim changed.
import crypto from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";

type Key = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

async function newKey(): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = crypto.randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const ROLE = {
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
};

export type LaunchPerson = { sub: string; email?: string; name?: string; roles?: string[] };

export class FakeLtiPlatform {
  baseUrl = "";
  readonly clientId = `gilde-${crypto.randomUUID().slice(0, 8)}`;
  readonly deploymentId = "deployment-1";
  jwksFetches = 0;
  /** Who is signed in to the LMS (whom the authorisation endpoint makes the id_token for). */
  person: LaunchPerson = { sub: "lms-user-1", email: "student@hogeschool.test", name: "Sam Student" };
  /** Changes every id_token the authorisation endpoint makes (wrong iss, expired, …). */
  tamper: (claims: JWTPayload) => JWTPayload = (claims) => claims;
  private target = "";
  private keys: Key[] = [];
  private signing!: Key;
  private server = http.createServer((req, res) => void this.handle(req, res));

  constructor(readonly issuerPath = "") {}

  get issuer() {
    return `${this.baseUrl}${this.issuerPath}`;
  }

  async start() {
    this.signing = await newKey();
    this.keys = [this.signing];
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A new signing key, published in the JWKS from now on (the old one stays published). */
  async rotateKey() {
    this.signing = await newKey();
    this.keys.push(this.signing);
  }

  /** Signs with a key the JWKS does not publish (yet). */
  async signWithUnpublishedKey() {
    this.signing = await newKey();
  }

  registration() {
    return {
      issuer: this.issuer,
      clientId: this.clientId,
      authLoginUrl: `${this.baseUrl}/auth`,
      accessTokenUrl: `${this.baseUrl}/token`,
      jwksUrl: `${this.baseUrl}/jwks`,
    };
  }

  /** The login initiation the platform sends the browser to (query of GET /lti/login). */
  loginInitiation(targetLinkUri: string, extra: Record<string, string> = {}) {
    this.target = targetLinkUri;
    return new URLSearchParams({
      iss: this.issuer,
      login_hint: this.person.sub,
      target_link_uri: targetLinkUri,
      client_id: this.clientId,
      lti_deployment_id: this.deploymentId,
      ...extra,
    });
  }

  claimsFor(request: { nonce: string; redirectUri: string; targetLinkUri: string }, now = new Date()): JWTPayload {
    const iat = Math.floor(now.getTime() / 1000);
    return {
      iss: this.issuer,
      aud: this.clientId,
      sub: this.person.sub,
      iat,
      exp: iat + 300,
      nonce: request.nonce,
      name: this.person.name,
      email: this.person.email,
      [`${LTI}message_type`]: "LtiResourceLinkRequest",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: this.deploymentId,
      [`${LTI}target_link_uri`]: request.targetLinkUri,
      [`${LTI}resource_link`]: { id: "link-1", title: "Module in Gilde" },
      [`${LTI}roles`]: this.person.roles ?? [ROLE.learner],
      [`${LTI}context`]: { id: "course-1", title: "Creative Communities" },
    };
  }

  sign(claims: JWTPayload) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: this.signing.kid, typ: "JWT" })
      .sign(this.signing.privateKey);
  }

  /**
   * What the authorisation endpoint answers to Gilde's authentication request: the form a browser auto-submits
   * to the redirect URI. Returns its target and fields.
   */
  async authorize(authUrl: string): Promise<{ action: string; fields: Record<string, string> }> {
    const response = await fetch(authUrl);
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? "";
    const fields: Record<string, string> = {};
    for (const [, name, value] of html.matchAll(/name="([^"]+)" value="([^"]*)"/g)) fields[name!] = value!;
    return { action, fields };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", this.baseUrl);
    if (url.pathname === "/jwks") {
      this.jwksFetches++;
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) }));
      return;
    }
    if (url.pathname === "/auth") {
      const q = url.searchParams;
      const valid =
        q.get("scope") === "openid" &&
        q.get("response_type") === "id_token" &&
        q.get("response_mode") === "form_post" &&
        q.get("prompt") === "none" &&
        q.get("client_id") === this.clientId &&
        q.get("login_hint") === this.person.sub;
      if (!valid) {
        res.writeHead(400).end("invalid_request");
        return;
      }
      const claims = this.tamper(
        this.claimsFor({ nonce: q.get("nonce")!, redirectUri: q.get("redirect_uri")!, targetLinkUri: this.target }),
      );
      const idToken = await this.sign(claims);
      const fields = { id_token: idToken, state: q.get("state")! };
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(
        `<form method="post" action="${q.get("redirect_uri")}">${Object.entries(fields)
          .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
          .join("")}</form>`,
      );
      return;
    }
    res.writeHead(404).end();
  }
}
