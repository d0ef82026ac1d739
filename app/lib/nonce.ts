import { createContext, useContext } from "react";

/**
 * This response's Content-Security-Policy nonce, for the inline and
 * module scripts React, Remix and Clerk write. It reaches components
 * through context, never through loader data.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
