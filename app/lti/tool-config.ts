// The addresses an LMS admin copies into the platform when registering Gilde as an LTI 1.3 tool.
export type ToolConfiguration = {
  loginInitiationUrl: string;
  redirectUris: string[];
  jwksUrl: string;
  deepLinkingUrl: string;
  targetLinkUri: string;
};

export function toolConfiguration(baseUrl: string): ToolConfiguration {
  const base = baseUrl.replace(/\/$/, "");
  return {
    loginInitiationUrl: `${base}/lti/login`,
    redirectUris: [`${base}/lti/launch`],
    jwksUrl: `${base}/lti/jwks`,
    deepLinkingUrl: `${base}/lti/deep-link`,
    targetLinkUri: `${base}/dashboard`,
  };
}
