// The addresses an LMS admin copies into the platform when registering Gilde as an LTI 1.3 tool, and the same
// addresses as the client registration Gilde sends itself in LTI Dynamic Registration (/lti/register).
import { LTI_SCOPE } from "./services";

export type ToolConfiguration = {
  loginInitiationUrl: string;
  redirectUris: string[];
  jwksUrl: string;
  deepLinkingUrl: string;
  targetLinkUri: string;
  /** LTI Dynamic Registration: the one address to paste where the platform offers it. */
  registrationUrl: string;
};

export function toolConfiguration(baseUrl: string): ToolConfiguration {
  const base = baseUrl.replace(/\/$/, "");
  return {
    loginInitiationUrl: `${base}/lti/login`,
    redirectUris: [`${base}/lti/launch`],
    jwksUrl: `${base}/lti/jwks`,
    deepLinkingUrl: `${base}/lti/deep-link`,
    targetLinkUri: `${base}/dashboard`,
    registrationUrl: `${base}/lti/register`,
  };
}

export const TOOL_CONFIGURATION_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";

/** The OpenID client registration of LTI Dynamic Registration 1.0 (§ 3.5): what Gilde is and offers. */
export function clientRegistration(baseUrl: string) {
  const config = toolConfiguration(baseUrl);
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: config.loginInitiationUrl,
    redirect_uris: config.redirectUris,
    client_name: "Gilde",
    jwks_uri: config.jwksUrl,
    token_endpoint_auth_method: "private_key_jwt",
    scope: [LTI_SCOPE.lineItem, LTI_SCOPE.score, LTI_SCOPE.roster].join(" "),
    [TOOL_CONFIGURATION_CLAIM]: {
      domain: new URL(config.targetLinkUri).host,
      target_link_uri: config.targetLinkUri,
      description: "Gilde, de leeromgeving van de leergang Creative Communities: modules, opdrachten en gildes.",
      claims: ["iss", "sub", "name", "given_name", "family_name", "email"],
      messages: [
        { type: "LtiResourceLinkRequest", target_link_uri: config.targetLinkUri, label: "Gilde" },
        {
          type: "LtiDeepLinkingRequest",
          target_link_uri: config.deepLinkingUrl,
          label: "Module of opdracht uit Gilde plaatsen",
        },
      ],
    },
  };
}
