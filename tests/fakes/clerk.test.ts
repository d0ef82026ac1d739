import assert from "node:assert/strict";
import { createPublicKey, verify } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { call, pick, startTestFakes, type TestFakes } from "./harness.ts";

let kit: TestFakes;

before(async () => {
  kit = await startTestFakes({ authorizedParty: "http://localhost:5173" });
});

after(async () => {
  await kit.fakes.close();
});

const tokensPath = (userId: string) =>
  `/v1/users/${userId}/oauth_access_tokens/oauth_spotify`;

function decodeJwt(jwt: string) {
  const [header = "", claims = "", signature = ""] = jwt.split(".");
  const json = (part: string): unknown =>
    JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  return {
    header: json(header),
    claims: json(claims),
    verifiesWith(publicKeyPem: string) {
      return verify(
        "sha256",
        Buffer.from(`${header}.${claims}`),
        createPublicKey(publicKeyPem),
        Buffer.from(signature, "base64url"),
      );
    },
  };
}

describe("the Spotify token from Clerk", () => {
  test("comes paginated, as exactly application/json", async () => {
    const userId = await kit.createUser();
    const answer = await kit.clerk(`${tokensPath(userId)}?paginated=true`);
    assert.equal(answer.status, 200);
    assert.equal(answer.contentType, "application/json");
    assert.equal(pick(answer.json, "total_count"), 1);
    assert.equal(pick(answer.json, "data.0.object"), "oauth_access_token");
    assert.equal(pick(answer.json, "data.0.provider"), "oauth_spotify");
    assert.equal(pick(answer.json, "data.0.label"), null);
    assert.deepEqual(pick(answer.json, "data.0.public_metadata"), {});
    assert.match(
      String(pick(answer.json, "data.0.token")),
      /^fake-spotify-token-/,
    );
    const expiresAt = pick(answer.json, "data.0.expires_at");
    assert.equal(expiresAt, Math.floor(kit.clock.now() / 1000) + 3600);
  });

  test("comes as a bare list without paginated", async () => {
    const userId = await kit.createUser();
    const answer = await kit.clerk(tokensPath(userId));
    assert.ok(Array.isArray(answer.json));
    assert.equal(pick(answer.json, "0.object"), "oauth_access_token");
  });

  test("comes as a bare list, even paginated, in token-list-bare", async () => {
    const userId = await kit.createUser({ clerk: "token-list-bare" });
    const answer = await kit.clerk(`${tokensPath(userId)}?paginated=true`);
    assert.ok(Array.isArray(answer.json));
    assert.match(String(pick(answer.json, "0.token")), /^fake-spotify-token-/);
  });

  test("starts with an entry without a token in token-list-null-first", async () => {
    const userId = await kit.createUser({ clerk: "token-list-null-first" });
    const answer = await kit.clerk(`${tokensPath(userId)}?paginated=true`);
    assert.equal(pick(answer.json, "total_count"), 2);
    assert.equal(pick(answer.json, "data.0.token"), null);
    assert.match(
      String(pick(answer.json, "data.1.token")),
      /^fake-spotify-token-/,
    );
  });

  test("is absent when Spotify is not connected", async () => {
    const userId = await kit.createUser({ clerk: "no-connection" });
    const answer = await kit.clerk(`${tokensPath(userId)}?paginated=true`);
    assert.deepEqual(answer.json, { data: [], total_count: 0 });
    const user = await kit.clerk(`/v1/users/${userId}`);
    assert.deepEqual(pick(user.json, "external_accounts"), []);
  });

  test("fails with 422 oauth_token_retrieval_error when refresh fails", async () => {
    const userId = await kit.createUser({ clerk: "refresh-failed" });
    const answer = await kit.clerk(`${tokensPath(userId)}?paginated=true`);
    assert.equal(answer.status, 422);
    assert.equal(
      pick(answer.json, "errors.0.code"),
      "oauth_token_retrieval_error",
    );
    assert.equal(typeof pick(answer.json, "clerk_trace_id"), "string");
    assert.equal((await kit.clerk(`/v1/users/${userId}`)).status, 200);
  });

  test("is rate limited, down or hung when the scenario says so", async () => {
    const limited = await kit.createUser({ clerk: "clerk-rate-limited" });
    const answer = await kit.clerk(tokensPath(limited));
    assert.equal(answer.status, 429);
    assert.ok(answer.headers.get("retry-after"));
    const down = await kit.createUser({ clerk: "clerk-down" });
    assert.equal((await kit.clerk(tokensPath(down))).status, 500);
    const hung = await kit.createUser({ clerk: "clerk-hang" });
    await assert.rejects(
      kit.clerk(tokensPath(hung), { signal: AbortSignal.timeout(150) }),
      { name: "TimeoutError" },
    );
  });

  test("needs the secret key", async () => {
    const userId = await kit.createUser();
    const answer = await call(`${kit.fakes.clerkUrl}${tokensPath(userId)}`, {
      headers: { Authorization: "Bearer sk_live_wrong" },
    });
    assert.equal(answer.status, 401);
    assert.equal(pick(answer.json, "errors.0.code"), "authentication_invalid");
  });
});

describe("users and sessions", () => {
  test("a user carries the Spotify external account", async () => {
    const userId = await kit.createUser();
    const token = await kit.clerkToken(userId);
    const user = await kit.clerk(`/v1/users/${userId}`);
    assert.equal(pick(user.json, "object"), "user");
    assert.equal(pick(user.json, "id"), userId);
    const account = pick(user.json, "external_accounts.0");
    assert.equal(pick(account, "object"), "external_account");
    assert.equal(pick(account, "provider"), "oauth_spotify");
    const me = await kit.spotify("/v1/me", token);
    assert.equal(pick(account, "provider_user_id"), pick(me.json, "id"));
    assert.equal((await kit.clerk("/v1/users/user_missing")).status, 404);
  });

  test("revoking a session marks it revoked", async () => {
    const created = await kit.control("POST", "/__fake/users", {});
    const sessionId = String(pick(created.json, "sessionId"));
    const revoked = await kit.clerk(`/v1/sessions/${sessionId}/revoke`, {
      method: "POST",
    });
    assert.equal(revoked.status, 200);
    assert.equal(pick(revoked.json, "object"), "session");
    assert.equal(pick(revoked.json, "status"), "revoked");
  });
});

describe("session tokens", () => {
  test("verify with the published key and name the user", async () => {
    const created = await kit.control("POST", "/__fake/users", {});
    const jwt = decodeJwt(String(pick(created.json, "sessionToken")));
    assert.ok(jwt.verifiesWith(kit.fakes.keys.publicKeyPem));
    assert.equal(pick(jwt.header, "alg"), "RS256");
    const jwks = await kit.clerk("/v1/jwks");
    assert.equal(pick(jwt.header, "kid"), pick(jwks.json, "keys.0.kid"));
    assert.equal(pick(jwt.claims, "sub"), pick(created.json, "userId"));
    assert.equal(pick(jwt.claims, "sid"), pick(created.json, "sessionId"));
    assert.equal(pick(jwt.claims, "iss"), "https://clerk.nowplaying.invalid");
    assert.equal(pick(jwt.claims, "azp"), "http://localhost:5173");
    const iat = pick(jwt.claims, "iat");
    assert.equal(pick(created.json, "cookies.__client_uat"), String(iat));
    assert.match(
      String(pick(created.json, "cookieHeader")),
      /^__session=[\w-]+\.[\w-]+\.[\w-]+; __client_uat=\d+$/,
    );
  });

  test("come in broken variants for security tests", async () => {
    const userId = await kit.createUser();
    const session = (body: Record<string, unknown>) =>
      kit.control("POST", "/__fake/sessions", { userId, ...body });
    const { publicKeyPem } = kit.fakes.keys;
    const expired = await session({ expired: true });
    const expiredJwt = decodeJwt(String(pick(expired.json, "sessionToken")));
    assert.ok(Number(pick(expiredJwt.claims, "exp")) < Date.now() / 1000);
    assert.ok(expiredJwt.verifiesWith(publicKeyPem));
    const forged = await session({ forged: true });
    const forgedJwt = decodeJwt(String(pick(forged.json, "sessionToken")));
    assert.equal(forgedJwt.verifiesWith(publicKeyPem), false);
    const stranger = await session({ azp: "https://evil.invalid" });
    const strangerJwt = decodeJwt(String(pick(stranger.json, "sessionToken")));
    assert.equal(pick(strangerJwt.claims, "azp"), "https://evil.invalid");
    const noUat = await session({ withoutClientUat: true });
    assert.equal(pick(noUat.json, "cookies.__client_uat"), undefined);
    assert.doesNotMatch(
      String(pick(noUat.json, "cookieHeader")),
      /__client_uat/,
    );
  });

  test("reuse the azp the user was created with", async () => {
    const created = await kit.control("POST", "/__fake/users", {
      azp: "https://nowplaying.test",
    });
    const forged = await kit.control("POST", "/__fake/sessions", {
      userId: pick(created.json, "userId"),
      forged: true,
    });
    const jwt = decodeJwt(String(pick(forged.json, "sessionToken")));
    assert.equal(pick(jwt.claims, "azp"), "https://nowplaying.test");
  });
});
