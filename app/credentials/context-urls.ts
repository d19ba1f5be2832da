// The context URLs of a Gilde credential, for code that must not load the contexts themselves (pure modules).
export const VC_V2_CONTEXT_URL = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT_URL = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
