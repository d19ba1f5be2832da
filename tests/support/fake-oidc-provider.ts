// A real OpenID provider on loopback, standing in for eduID or SURFconext: `oidc-provider` 8 (9 wants Node 22),
// with one confidential client, PKCE required, RS256 ID tokens, and eduID's claims (eppn, home organisation). The
// login and consent screens are skipped: `authorize` plays the person, logging in as the account it is told to
// (or refusing consent) and following the provider's redirects until it sends the browser back to Gilde.
import crypto from "node:crypto";
import http from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

type FakeAccount = {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  eduperson_principal_name?: string;
  schac_home_organization?: string;
};

export type FakeOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, FakeAccount>;
  /** Follows an authorization URL as the person `subject` (or one who refuses); returns Gilde's callback URL. */
  authorize: (authorizationUrl: string, as: { subject: string } | { deny: true }) => Promise<URL>;
  close: () => Promise<void>;
};

export async function startFakeOidcProvider({
  redirectUris,
  clientId = "gilde-test",
  clientSecret = "geheim-van-de-test-client",
  port = 0,
}: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
  /** A fixed port, to try the login by hand against it; the tests take any free one. */
  port?: number;
}): Promise<FakeOidcProvider> {
  const server = http.createServer();
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, FakeAccount>();
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "fake-1", use: "sig", alg: "RS256" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: ["fake-oidc-cookie-key"] },
    pkce: { methods: ["S256"], required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "eduperson_principal_name", "schac_home_organization"],
    },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...account,
          name: [account.given_name, account.family_name].filter(Boolean).join(" ") || undefined,
        }),
      };
    },
  });

  // Who the next interaction logs in as; set by `authorize`, one trip at a time per test.
  let acting: { subject: string } | { deny: true } = { deny: true };
  const callback = provider.callback();
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith("/interaction/")) return void callback(req, res);
    void interact(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function interact(req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if ("deny" in acting) {
      await provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "De gebruiker gaf geen toestemming." },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (details.prompt.name === "login") {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: acting.subject } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session?.accountId ?? "",
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function authorize(authorizationUrl: string, as: { subject: string } | { deny: true }): Promise<URL> {
    acting = as;
    try {
      return await follow(authorizationUrl);
    } finally {
      // A browser that comes by itself (someone trying it by hand) is refused, not logged in as the last person.
      acting = { deny: true };
    }
  }

  async function follow(authorizationUrl: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (url.origin !== issuer) return url;
      const response = await fetch(url, {
        redirect: "manual",
        headers: jar.size ? { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {},
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        const [name = "", ...value] = pair.split("=");
        jar.set(name.trim(), value.join("="));
      }
      const location = response.headers.get("location");
      if (!location)
        throw new Error(`De nep-provider stuurde niet door (${response.status}): ${await response.text()}`);
      url = new URL(location, url);
    }
    throw new Error("De nep-provider bleef doorsturen.");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    authorize,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const OIDC_ENV = [
  "EDUID_ISSUER",
  "EDUID_CLIENT_ID",
  "EDUID_CLIENT_SECRET",
  "SURFCONEXT_ISSUER",
  "SURFCONEXT_CLIENT_ID",
  "SURFCONEXT_CLIENT_SECRET",
];

/** Configures eduID (and no SURFconext) to be this fake; returns what puts the environment back. */
export function pointEduidAt(fake: FakeOidcProvider): () => void {
  const saved = Object.fromEntries(OIDC_ENV.map((name) => [name, process.env[name]]));
  for (const name of OIDC_ENV) delete process.env[name];
  process.env.EDUID_ISSUER = fake.issuer;
  process.env.EDUID_CLIENT_ID = fake.clientId;
  process.env.EDUID_CLIENT_SECRET = fake.clientSecret;
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** The redirect URI Gilde sends in the tests (APP_URL is unset there: http://localhost:3000). */
export const EDUID_CALLBACK = "http://localhost:3000/inloggen/eduid/terug";
