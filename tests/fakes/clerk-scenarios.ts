import type { Hang } from "./answers.ts";

export interface ClerkErrorDetail {
  message: string;
  long_message: string;
  code: string;
}

export interface ClerkFailure {
  /** `oauth-token` limits the failure to the Spotify token endpoint. */
  endpoints: "all" | "oauth-token";
  /** Only the user's first request it applies to; later ones succeed. */
  firstRequestOnly?: boolean;
  answer:
    | Hang
    | {
        kind: "error";
        status: number;
        headers: Record<string, string>;
        error: ClerkErrorDetail;
      };
}

/**
 * Token lists as Clerk has sent them besides the usual `{data,
 * total_count}`: a bare array whatever was asked, or a stale entry with no
 * token ahead of the working one.
 */
export type TokenListQuirk = "bare-array" | "null-token-first";

export interface ClerkScenario {
  description: string;
  spotifyConnected: boolean;
  failure: ClerkFailure | null;
  tokenList?: TokenListQuirk;
}

function clerkError(
  status: number,
  error: ClerkErrorDetail,
  headers: Record<string, string> = {},
): ClerkFailure["answer"] {
  return { kind: "error", status, headers, error };
}

const INTERNAL_ERROR = clerkError(500, {
  message: "Oops, an unexpected error occurred",
  long_message: "Something went wrong on our side.",
  code: "internal_clerk_error",
});

export const clerkScenarios = {
  connected: {
    description: "Spotify connected; Clerk hands out working tokens",
    spotifyConnected: true,
    failure: null,
  },
  "no-connection": {
    description: "No Spotify connection: the token list is empty",
    spotifyConnected: false,
    failure: null,
  },
  "refresh-failed": {
    description: "Clerk could not refresh the Spotify token: 422",
    spotifyConnected: true,
    failure: {
      endpoints: "oauth-token",
      answer: clerkError(422, {
        message: "Failed to retrieve OAuth token",
        long_message: "The OAuth provider refused to refresh the access token.",
        code: "oauth_token_retrieval_error",
      }),
    },
  },
  "missing-refresh-token": {
    description: "Clerk holds no refresh token for Spotify: 422",
    spotifyConnected: true,
    failure: {
      endpoints: "oauth-token",
      answer: clerkError(422, {
        message: "Missing refresh token",
        long_message: "There is no refresh token stored for this connection.",
        code: "oauth_missing_refresh_token",
      }),
    },
  },
  "token-list-bare": {
    description: "The token list comes as a bare array, even when paginated",
    spotifyConnected: true,
    failure: null,
    tokenList: "bare-array",
  },
  "token-list-null-first": {
    description: "The token list starts with an entry whose token is null",
    spotifyConnected: true,
    failure: null,
    tokenList: "null-token-first",
  },
  "clerk-rate-limited": {
    description: "Clerk's Backend API answers 429 with Retry-After",
    spotifyConnected: true,
    failure: {
      endpoints: "all",
      answer: clerkError(
        429,
        {
          message: "Too many requests",
          long_message: "Rate limit exceeded for this secret key.",
          code: "too_many_requests",
        },
        { "Retry-After": "10" },
      ),
    },
  },
  "clerk-down": {
    description: "Clerk's Backend API answers 500",
    spotifyConnected: true,
    failure: {
      endpoints: "all",
      answer: INTERNAL_ERROR,
    },
  },
  "clerk-hang": {
    description: "Clerk's Backend API accepts requests and never answers",
    spotifyConnected: true,
    failure: { endpoints: "all", answer: { kind: "hang" } },
  },
  "clerk-flaky": {
    description: "The first Spotify token request answers 500; retries work",
    spotifyConnected: true,
    failure: {
      endpoints: "oauth-token",
      firstRequestOnly: true,
      answer: INTERNAL_ERROR,
    },
  },
} satisfies Record<string, ClerkScenario>;

export type ClerkScenarioName = keyof typeof clerkScenarios;

export function isClerkScenarioName(name: string): name is ClerkScenarioName {
  return Object.hasOwn(clerkScenarios, name);
}
