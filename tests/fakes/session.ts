import {
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
} from "node:crypto";
import { randomId } from "./ids.ts";

export interface PublicJwk {
  kty: "RSA";
  n: string;
  e: string;
  kid: string;
  alg: "RS256";
  use: "sig";
}

export interface SigningKeys {
  privateKey: KeyObject;
  /** SPKI "BEGIN PUBLIC KEY" with real newlines: what CLERK_JWT_KEY takes. */
  publicKeyPem: string;
  jwk: PublicJwk;
  kid: string;
}

function rsaJwk(exported: JsonWebKey, kid: string): PublicJwk {
  const { n, e } = exported;
  if (typeof n !== "string" || typeof e !== "string") {
    throw new Error("exported key is not an RSA public key");
  }
  return { kty: "RSA", n, e, kid, alg: "RS256", use: "sig" };
}

/** A fresh kid per pair: Clerk caches keys by kid for the process's life. */
export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
  });
  const kid = `ins_${randomId(27)}`;
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    jwk: rsaJwk(publicKey.export({ format: "jwk" }), kid),
    kid,
  };
}

export interface SessionTokenInput {
  keys: SigningKeys;
  userId: string;
  sessionId: string;
  /** "https://" + the frontend API host. */
  issuer: string;
  azp?: string | null;
  /** Unix seconds; defaults to the real clock, which is what verifiers use. */
  issuedAt?: number;
  expiresAt?: number;
  /** Extra or replacement claims, e.g. `{ sts: "pending" }`. */
  claims?: Record<string, unknown>;
  /** Sign with this key instead, keeping `keys.kid` in the header. */
  signingKey?: KeyObject;
}

export const DEFAULT_SESSION_SECONDS = 7 * 86_400;

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** An RS256 session JWT shaped like Clerk's v2 session tokens. */
export function mintSessionToken(input: SessionTokenInput): string {
  const issuedAt = input.issuedAt ?? nowInSeconds();
  const expiresAt = input.expiresAt ?? issuedAt + DEFAULT_SESSION_SECONDS;
  const header = { alg: "RS256", typ: "JWT", kid: input.keys.kid };
  const claims = {
    ...(input.azp ? { azp: input.azp } : {}),
    exp: expiresAt,
    fva: [0, -1],
    iat: issuedAt,
    iss: input.issuer,
    jti: randomId(20),
    nbf: issuedAt - 10,
    sid: input.sessionId,
    sts: "active",
    sub: input.userId,
    v: 2,
    ...input.claims,
  };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign(
    "sha256",
    Buffer.from(signingInput),
    input.signingKey ?? input.keys.privateKey,
  );
  return `${signingInput}.${signature.toString("base64url")}`;
}

export interface BrowserCookies {
  __session: string;
  __client_uat?: string;
}

export interface SignedInBrowser {
  cookies: BrowserCookies;
  cookieHeader: string;
}

/** The cookies a signed-in browser holds; null `clientUat` omits it. */
export function browserCookies(
  sessionToken: string,
  clientUat: number | null,
): SignedInBrowser {
  const cookies: BrowserCookies =
    clientUat === null
      ? { __session: sessionToken }
      : { __session: sessionToken, __client_uat: String(clientUat) };
  const cookieHeader = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return { cookies, cookieHeader };
}

export type SessionVariant =
  | "valid"
  | "expired"
  | "wrong-azp"
  | "forged"
  | "missing-client-uat";

export interface VariantInput extends Omit<SessionTokenInput, "signingKey"> {
  variant: SessionVariant;
  /** Needed for "forged"; generate once and reuse, key pairs are slow. */
  forgerKey?: KeyObject;
}

function variantChange(
  variant: SessionVariant,
  forgerKey: KeyObject | undefined,
): Partial<SessionTokenInput> {
  const now = nowInSeconds();
  switch (variant) {
    case "expired":
      return { issuedAt: now - 7200, expiresAt: now - 3600 };
    case "wrong-azp":
      return { azp: "https://attacker.invalid" };
    case "forged":
      return { signingKey: forgerKey ?? generateSigningKeys().privateKey };
    default:
      return {};
  }
}

/** Tokens for security tests; each differs from a good one in one way. */
export function mintSessionVariant(input: VariantInput): SignedInBrowser {
  const { variant, forgerKey, ...base } = input;
  const tweaked = { ...base, ...variantChange(variant, forgerKey) };
  const issuedAt = tweaked.issuedAt ?? nowInSeconds();
  const token = mintSessionToken({ ...tweaked, issuedAt });
  const clientUat = variant === "missing-client-uat" ? null : issuedAt;
  return browserCookies(token, clientUat);
}
