import type { AccessToken, ClerkSession, FakeUser } from "./world.ts";

/*
 * Clerk Backend API JSON. Clerk's own timestamps (created_at, expire_at...)
 * are unix milliseconds.
 */

/** Clerk serves avatars from img.clerk.com, out of the offline demo's reach. */
const DEFAULT_AVATAR =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">' +
      '<rect width="64" height="64" fill="#6c47ff"/></svg>',
  );

function spotifyExternalAccount(user: FakeUser) {
  const { account } = user;
  const [firstName = "", ...rest] = account.displayName.split(" ");
  return {
    object: "external_account",
    id: account.externalAccountId,
    provider: "oauth_spotify",
    identification_id: account.identificationId,
    provider_user_id: account.spotifyUserId,
    approved_scopes: account.scopes.join(" "),
    email_address: account.email,
    first_name: firstName,
    last_name: rest.join(" "),
    avatar_url: account.imageUrl ?? "",
    image_url: account.imageUrl ?? DEFAULT_AVATAR,
    username: account.username,
    phone_number: null,
    public_metadata: {},
    label: null,
    verification: {
      object: "verification_oauth",
      status: "verified",
      strategy: "oauth_spotify",
      attempts: null,
      expire_at: user.createdAt + 600_000,
      error: null,
      external_verification_redirect_url: null,
    },
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

export function clerkUserJson(user: FakeUser, spotifyConnected: boolean) {
  const { account } = user;
  const emailId = `idn_email_${user.id.slice(5)}`;
  const [firstName = null, ...rest] = account.displayName.split(" ");
  return {
    object: "user",
    id: user.id,
    external_id: null,
    username: null,
    first_name: firstName,
    last_name: rest.length > 0 ? rest.join(" ") : null,
    image_url: account.imageUrl ?? DEFAULT_AVATAR,
    has_image: account.imageUrl !== null,
    primary_email_address_id: emailId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [
      {
        object: "email_address",
        id: emailId,
        email_address: account.email,
        reserved: false,
        verification: {
          object: "verification_from_oauth",
          status: "verified",
          strategy: "from_oauth_spotify",
          attempts: null,
          expire_at: null,
        },
        linked_to: spotifyConnected
          ? [{ type: "oauth_spotify", id: account.identificationId }]
          : [],
        created_at: user.createdAt,
        updated_at: user.createdAt,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    external_accounts: spotifyConnected ? [spotifyExternalAccount(user)] : [],
    saml_accounts: [],
    enterprise_accounts: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    password_last_updated_at: null,
    last_sign_in_at: user.createdAt,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: user.createdAt,
    legal_accepted_at: null,
    locale: null,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

/**
 * expires_at is unix SECONDS here. Clerk's spec says only "Unix timestamp";
 * unlike its other timestamps it is copied from the provider's expiry, and
 * clients seen in the wild treat it as seconds. Do not build on the unit.
 */
export function oauthAccessTokenJson(user: FakeUser, token: AccessToken) {
  return {
    object: "oauth_access_token",
    external_account_id: user.account.externalAccountId,
    provider_user_id: user.account.spotifyUserId,
    token: token.value,
    provider: "oauth_spotify",
    public_metadata: {},
    label: null,
    scopes: user.account.scopes,
    expires_at: Math.floor(token.expiresAt / 1000),
  };
}

export function sessionJson(session: ClerkSession) {
  return {
    object: "session",
    id: session.id,
    user_id: session.userId,
    client_id: session.clientId,
    actor: null,
    status: session.status,
    last_active_organization_id: null,
    last_active_at: session.updatedAt,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

/** An entry for a connection Clerk can no longer refresh: no token. */
export function staleAccessTokenJson(user: FakeUser) {
  return {
    object: "oauth_access_token",
    external_account_id: `${user.account.externalAccountId}_stale`,
    provider_user_id: user.account.spotifyUserId,
    token: null,
    provider: "oauth_spotify",
    public_metadata: {},
    label: null,
    scopes: [],
    expires_at: null,
  };
}
