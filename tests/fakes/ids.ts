import { createHash, randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function base62(bytes: Uint8Array, length: number): string {
  let id = "";
  for (const byte of bytes.subarray(0, length)) {
    id += BASE62.charAt(byte % 62);
  }
  return id;
}

/** The same seed always gives the same id, so catalog ids survive restarts. */
export function stableId(seed: string, length = 22): string {
  return base62(createHash("sha512").update(seed).digest(), length);
}

export function randomId(length = 27): string {
  return base62(randomBytes(length), length);
}

/** Ids shaped like Clerk's: `user_...`, `sess_...`, `eac_...`. */
export function clerkId(prefix: string): string {
  return `${prefix}_${randomId(27)}`;
}
