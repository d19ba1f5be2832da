// A fake LMS on loopback standing in for Brightspace, Canvas or Moodle in the LTI tests: its own signing keys and
// JWKS (counting fetches, rotatable), an OIDC authorisation endpoint that answers with the auto-submitted form of
// id_token and state a real platform sends, and a signer for id_tokens with any claim changed. For the services: a
// token endpoint that checks Gilde's client assertion against Gilde's JWKS, AGS line items whose URLs carry a query
// string (as Canvas' and Moodle's do) with a log of the scores that arrived, and a paged NRPS roster. For Dynamic
// Registration: an OpenID configuration at /.well-known/openid-configuration (changeable per test) and a
// registration endpoint that checks the bearer token and the body, records what arrived and answers a client id.
import crypto from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type JWTPayload } from "jose";

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
export type RosterMember = { user_id: string; name?: string; email?: string; roles: string[]; status?: string };
export type LineItem = { id: string; label: string; scoreMaximum: number; resourceId?: string; tag?: string };
export type ReceivedScore = { url: string; body: Record<string, unknown> };
export type ReceivedRegistration = { authorization: string | null; body: Record<string, unknown> };

const COURSE = "/courses/course-1";
const SERVICE_QUERY = "type_id=7";

export class FakeLtiPlatform {
  baseUrl = "";
  readonly clientId = `gilde-${crypto.randomUUID().slice(0, 8)}`;
  readonly deploymentId = "deployment-1";
  jwksFetches = 0;
  /** Who is signed in to the LMS (whom the authorisation endpoint makes the id_token for). */
  person: LaunchPerson = { sub: "lms-user-1", email: "student@hogeschool.test", name: "Sam Student" };
  /** Changes every id_token the authorisation endpoint makes (wrong iss, expired, …). */
  tamper: (claims: JWTPayload) => JWTPayload = (claims) => claims;
  /** Gilde's /lti/jwks, against which the token endpoint checks client assertions. */
  toolJwksUrl = "";
  /** The token endpoint refuses every request while true. */
  refuseTokens = false;
  /** How many more score posts answer 500. */
  failScores = 0;
  /** Every score that arrived, with the full URL it was posted to. */
  readonly scores: ReceivedScore[] = [];
  readonly lineItems: LineItem[] = [];
  readonly tokenRequests: { scope: string }[] = [];
  /** The course roster NRPS pages through, `rosterPageSize` at a time. */
  roster: RosterMember[] = [];
  rosterPageSize = 2;
  rosterPagesServed = 0;
  /** The message type of the next id_token (deep linking asks with LtiDeepLinkingRequest). */
  messageType = "LtiResourceLinkRequest";
  deepLinkData = "platform-data-123";
  /** Dynamic Registration: the token the registration endpoint wants as bearer (null: none needed). */
  registrationToken: string | null = "reg-token-1";
  /** Changes the OpenID configuration the platform publishes (wrong issuer, a field left out, …). */
  tamperConfiguration: (config: Record<string, unknown>) => Record<string, unknown> = (config) => config;
  /** The registration endpoint answers this status instead of registering, while set. */
  refuseRegistration: number | null = null;
  /** The client id the next registrations get (default: this platform's clientId). */
  registeredClientId: string | null = null;
  readonly registrations: ReceivedRegistration[] = [];
  configurationFetches = 0;
  private tokens = new Set<string>();
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

  get lineItemsUrl() {
    return `${this.baseUrl}${COURSE}/lineitems?${SERVICE_QUERY}`;
  }

  get membershipsUrl() {
    return `${this.baseUrl}${COURSE}/memberships?${SERVICE_QUERY}`;
  }

  get deepLinkReturnUrl() {
    return `${this.baseUrl}/deep-link-return`;
  }

  claimsFor(request: { nonce: string; redirectUri: string; targetLinkUri: string }, now = new Date()): JWTPayload {
    const iat = Math.floor(now.getTime() / 1000);
    const deepLinking = this.messageType === "LtiDeepLinkingRequest";
    return {
      iss: this.issuer,
      aud: this.clientId,
      sub: this.person.sub,
      iat,
      exp: iat + 300,
      nonce: request.nonce,
      name: this.person.name,
      email: this.person.email,
      [`${LTI}message_type`]: this.messageType,
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: this.deploymentId,
      [`${LTI}target_link_uri`]: request.targetLinkUri,
      ...(deepLinking
        ? {
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
              deep_link_return_url: this.deepLinkReturnUrl,
              accept_types: ["ltiResourceLink"],
              accept_multiple: true,
              data: this.deepLinkData,
            },
          }
        : { [`${LTI}resource_link`]: { id: "link-1", title: "Module in Gilde" } }),
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
        scope: [
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        ],
        lineitems: this.lineItemsUrl,
      },
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
        context_memberships_url: this.membershipsUrl,
        service_versions: ["2.0"],
      },
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

  /** Checks a deep-linking response Gilde posted back: signed with Gilde's key, for us. Returns its claims. */
  async verifyDeepLinkResponse(jwt: string) {
    const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(this.toolJwksUrl)), {
      issuer: this.clientId,
      audience: this.issuer,
      algorithms: ["RS256"],
    });
    return payload;
  }

  private async handleServices(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(body));
      return true;
    };
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      this.tokenRequests.push({ scope: form.get("scope") ?? "" });
      if (this.refuseTokens) return json(401, { error: "invalid_client" });
      try {
        await jwtVerify(form.get("client_assertion") ?? "", createRemoteJWKSet(new URL(this.toolJwksUrl)), {
          issuer: this.clientId,
          subject: this.clientId,
          audience: `${this.baseUrl}/token`,
          algorithms: ["RS256"],
        });
      } catch {
        return json(401, { error: "invalid_client" });
      }
      if (form.get("grant_type") !== "client_credentials") return json(400, { error: "unsupported_grant_type" });
      const token = crypto.randomUUID();
      this.tokens.add(token);
      return json(200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") });
    }
    if (!url.pathname.startsWith(COURSE)) return false;
    if (!this.tokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""))) return json(401, {});
    if (url.searchParams.get("type_id") !== "7") return json(404, { error: "query string lost" });
    const rest = url.pathname.slice(COURSE.length);
    if (rest === "/lineitems" && req.method === "GET") {
      const resourceId = url.searchParams.get("resource_id");
      return json(
        200,
        this.lineItems.filter((item) => !resourceId || item.resourceId === resourceId),
      );
    }
    if (rest === "/lineitems" && req.method === "POST") {
      const body = JSON.parse(await readBody(req)) as Omit<LineItem, "id">;
      const item = { ...body, id: `${this.baseUrl}${COURSE}/lineitems/${this.lineItems.length + 1}?${SERVICE_QUERY}` };
      this.lineItems.push(item);
      return json(201, item);
    }
    if (/^\/lineitems\/\d+\/scores$/.test(rest) && req.method === "POST") {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      if (this.failScores > 0) {
        this.failScores--;
        return json(500, { error: "tijdelijk niet beschikbaar" });
      }
      this.scores.push({ url: `${this.baseUrl}${req.url}`, body });
      return json(200, {});
    }
    if (rest === "/memberships" && req.method === "GET") {
      this.rosterPagesServed++;
      const page = Number(url.searchParams.get("page") ?? "1");
      const members = this.roster.slice((page - 1) * this.rosterPageSize, page * this.rosterPageSize);
      const headers: Record<string, string> = {};
      if (page * this.rosterPageSize < this.roster.length) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        headers.Link = `<${next.toString()}>; rel="next"`;
      }
      return json(
        200,
        { id: url.toString(), context: { id: "course-1", title: "Creative Communities" }, members },
        { ...headers, "Content-Type": "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" },
      );
    }
    return json(404, {});
  }

  get configurationUrl() {
    return `${this.issuer}/.well-known/openid-configuration`;
  }

  /** The OpenID configuration of LTI Dynamic Registration 1.0 § 3.4, as Moodle publishes it. */
  openidConfiguration(): Record<string, unknown> {
    return this.tamperConfiguration({
      issuer: this.issuer,
      authorization_endpoint: `${this.baseUrl}/auth`,
      registration_endpoint: `${this.baseUrl}/register`,
      jwks_uri: `${this.baseUrl}/jwks`,
      token_endpoint: `${this.baseUrl}/token`,
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      token_endpoint_auth_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      response_types_supported: ["id_token"],
      id_token_signing_alg_values_supported: ["RS256"],
      subject_types_supported: ["public", "pairwise"],
      claims_supported: ["sub", "iss", "name", "email"],
      "https://purl.imsglobal.org/spec/lti-platform-configuration": {
        product_family_code: "moodle",
        version: "4.3",
        messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }],
      },
    });
  }

  /** The address the LMS opens for its admin: Gilde's /lti/register with the configuration and the token. */
  registrationQuery() {
    const query = new URLSearchParams({ openid_configuration: this.configurationUrl });
    if (this.registrationToken) query.set("registration_token", this.registrationToken);
    return query;
  }

  private async handleRegistration(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
      return true;
    };
    const authorization = req.headers.authorization ?? null;
    const tokenOk = !this.registrationToken || authorization === `Bearer ${this.registrationToken}`;
    if (url.pathname === `${this.issuerPath}/.well-known/openid-configuration` && req.method === "GET") {
      this.configurationFetches++;
      if (!tokenOk) return json(401, { error: "invalid_token" });
      return json(200, this.openidConfiguration());
    }
    if (url.pathname !== "/register" || req.method !== "POST") return false;
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    this.registrations.push({ authorization, body });
    if (!tokenOk) return json(401, { error: "invalid_token" });
    if (this.refuseRegistration) return json(this.refuseRegistration, { error: "invalid_client_metadata" });
    const tool = body["https://purl.imsglobal.org/spec/lti-tool-configuration"] as Record<string, unknown> | undefined;
    const valid =
      body.application_type === "web" &&
      Array.isArray(body.redirect_uris) &&
      typeof body.initiate_login_uri === "string" &&
      typeof body.jwks_uri === "string" &&
      body.token_endpoint_auth_method === "private_key_jwt" &&
      typeof tool?.domain === "string" &&
      typeof tool.target_link_uri === "string";
    if (!valid) return json(400, { error: "invalid_client_metadata" });
    return json(200, {
      ...body,
      client_id: this.registeredClientId ?? this.clientId,
      "https://purl.imsglobal.org/spec/lti-tool-configuration": { ...tool, deployment_id: this.deploymentId },
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", this.baseUrl);
    if (await this.handleRegistration(req, res, url)) return;
    if (await this.handleServices(req, res, url)) return;
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

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
