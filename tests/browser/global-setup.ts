import { rm } from "node:fs/promises";
import { startDemo } from "../demo/stack.ts";
import { shareDemoAddresses } from "./demo-addresses.ts";
import { DEMO_USER_LOCK } from "./support/demo-user-lock.ts";

/** One demo stack for the whole run; the function returned stops it. */
export default async function globalSetup() {
  await rm(DEMO_USER_LOCK, { recursive: true, force: true });
  const stack = await startDemo({ appPort: 0, clerkPort: 0, log: "ignore" });
  shareDemoAddresses({
    appUrl: stack.appUrl,
    clerkUrl: stack.fakes.clerkUrl,
    spotifyUrl: stack.fakes.spotifyUrl,
    signInUrl: stack.signInUrl,
    switcherUrl: stack.switcherUrl,
  });
  return () => stack.stop();
}
