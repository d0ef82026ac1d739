import type { QuotaMode } from "./presentation.ts";
import type { FakeUser } from "./world.ts";

/** GET /v1/me. Development mode drops country, email, product, followers. */
export function profileBody(user: FakeUser, mode: QuotaMode) {
  const { account } = user;
  const id = account.spotifyUserId;
  const images = account.imageUrl
    ? [300, 64].map((size) => ({
        url: account.imageUrl,
        height: size,
        width: size,
      }))
    : [];
  const profile = {
    account_id: account.accountId,
    display_name: account.displayName,
    external_urls: { spotify: `https://open.spotify.com/user/${id}` },
    href: `https://api.spotify.com/v1/users/${id}`,
    id,
    images,
    type: "user",
    uri: `spotify:user:${id}`,
  };
  if (mode === "development") return profile;
  return {
    ...profile,
    country: "GB",
    email: account.email,
    explicit_content: { filter_enabled: false, filter_locked: false },
    followers: { href: null, total: 3 },
    product: "premium",
  };
}
