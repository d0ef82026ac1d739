import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { NonceContext } from "./lib/nonce";

// Browsers hide a nonce from attributes but keep it on the element.
const nonce =
  document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ||
  undefined;

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceContext.Provider value={nonce}>
        <RemixBrowser />
      </NonceContext.Provider>
    </StrictMode>,
  );
});
