import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import worker from "../../functions/worker";
import { NEVER_ANSWERS } from "../fakes/answers.ts";
import { APP_ORIGIN, captureConsole, openPage, signIn } from "./app";

afterEach(() => {
  vi.restoreAllMocks();
});

function everythingSent(page: Awaited<ReturnType<typeof openPage>>) {
  return (
    [...page.headers].map(([name, value]) => `${name}: ${value}`).join("\n") +
    page.html
  );
}

describe("the Spotify access token", () => {
  it.each([
    ["a playing track", "track"],
    ["nothing playing", "nothing-playing"],
    ["the allowlist screen", "not-allowlisted-json-registered"],
    ["a rejected token", "token-revoked"],
    ["an outage", "unavailable"],
  ])("never reaches the browser on %s", async (_, spotify) => {
    const sentinel = `SENTINEL-${crypto.randomUUID()}`;
    const user = await signIn({ spotify, token: sentinel });

    const pages = await Promise.all([
      openPage("/", { user }),
      openPage("/dashboard", { user }),
      openPage("/_root.data", { user, headers: { accept: "*/*" } }),
      openPage("/dashboard.data", { user, headers: { accept: "*/*" } }),
    ]);

    for (const page of pages) {
      expect(everythingSent(page)).not.toContain(sentinel);
    }
    // The pages were real renders, so the absence means something.
    expect(pages[0]?.html).toContain("Now Playing");
  });

  it("is not in the loader data the browser receives", async () => {
    const user = await signIn({ spotify: "track" });
    const data = await openPage("/dashboard.data", {
      user,
      headers: { accept: "*/*" },
    });

    expect(data.status).toBe(200);
    expect(data.html).toContain("Low Tide Radio");
    expect(data.html).not.toMatch(/fake-spotify-token/);
    expect(data.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("upstream wording", () => {
  it("never reaches the page verbatim", async () => {
    const user = await signIn({ spotify: "unavailable" });
    const page = await openPage("/", { user });

    expect(page.text).toContain("Spotify is unavailable");
    expect(page.html).not.toContain("Try again in a little while");
  });
});

describe("a session check that cannot reach Clerk's keys", () => {
  /*
   * A deployment without CLERK_JWT_KEY, whose Backend API (where Clerk's
   * keys then come from) is a port nothing listens on, or a server that
   * never answers. @clerk/remix reads process.env before the Worker's
   * bindings, so both are changed.
   */
  const backends = [
    // Clerk's SDK retries a failed key fetch for close to 3 s, about this
    // app's deadline, so either may end the check first.
    {
      backend: "refuses",
      apiUrl: () => "http://127.0.0.1:9",
      cause: expect.stringMatching(/^(network|timeout)$/),
    },
    {
      backend: "never answers",
      apiUrl: () => `${inject("fakeClerkUrl")}${NEVER_ANSWERS}`,
      cause: "timeout",
    },
  ];
  const cases = backends.flatMap((backend) =>
    ["/", "/api/now-playing"].map((path) => ({ ...backend, path })),
  );

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function loggedEvents(lines: string[], requestId: string) {
    return lines
      .filter((line) => line.startsWith("{"))
      .map((line): Record<string, unknown> => JSON.parse(line))
      .filter((event) => event.requestId === requestId);
  }

  it.each(cases)(
    "says sign-in is unavailable when Clerk's API $backend, and logs one line without the session ($path)",
    async ({ apiUrl, cause, path }) => {
      const user = await signIn({ spotify: "track" });
      const requestId = `keys-${crypto.randomUUID()}`;
      const settings = { CLERK_JWT_KEY: "", CLERK_API_URL: apiUrl() };
      for (const [name, value] of Object.entries(settings)) {
        vi.stubEnv(name, value);
      }
      const lines = captureConsole();

      const response = await worker.fetch(
        new Request(`${APP_ORIGIN}${path}`, {
          headers: { cookie: user.cookie, "cf-ray": requestId },
        }),
        { ...env, ...settings },
        createExecutionContext(),
      );
      const body = await response.text();

      // Not the signed-out landing page: nobody could tell who this is.
      expect(response.status).toBe(503);
      if (path === "/") expect(body).toContain("Sign-in is unavailable");
      else
        expect(JSON.parse(body)).toEqual({
          failure: { kind: "clerk-unavailable" },
        });
      expect(body).not.toContain("Continue with Spotify");
      expect(loggedEvents(lines, requestId)).toEqual([
        {
          event: "upstream_failure",
          requestId,
          upstream: "clerk",
          operation: "session",
          kind: "unavailable",
          cause,
          status: null,
          durationMs: expect.any(Number),
        },
      ]);
      const token = /__session=([^;]+)/.exec(user.cookie)?.[1] ?? "(none)";
      for (const line of lines) expect(line).not.toContain(token);
    },
  );
});
