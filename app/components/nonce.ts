import { createContext } from "react";

/** The Content-Security-Policy nonce of this response (server only; in the browser the attribute is hidden). */
export const NonceContext = createContext("");
