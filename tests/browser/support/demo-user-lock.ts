import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/*
 * The demo sign-in page always signs in the one demo user, and the scenario
 * switcher changes that user for everyone. Tests of either take this lock,
 * across workers and projects, so no test sees another's scenario. A folder
 * is the lock because creating one is atomic.
 */
export const DEMO_USER_LOCK = join(
  import.meta.dirname,
  "..",
  "..",
  ".output",
  "demo-user.lock",
);

export async function lockDemoUser(): Promise<() => Promise<void>> {
  await mkdir(join(DEMO_USER_LOCK, ".."), { recursive: true });
  while (!(await tryLock())) await delay(100);
  return () => rm(DEMO_USER_LOCK, { recursive: true, force: true });
}

async function tryLock() {
  try {
    await mkdir(DEMO_USER_LOCK);
    return true;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      return false;
    }
    throw error;
  }
}
