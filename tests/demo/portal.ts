import { type CannedReply, HTML, reply } from "../fakes/answers.ts";
import { type ControlContext, signIn } from "../fakes/control.ts";
import type { FakeRequest } from "../fakes/http.ts";
import { switchScenarios } from "../fakes/world.ts";
import {
  type DemoOption,
  demoOptions,
  failureOptions,
  playbackOptions,
} from "./switcher-options.ts";

/*
 * The pages a person meets in the offline demo, served by the fake Clerk:
 * a sign-in page standing in for Clerk's Account Portal and Spotify's
 * consent screen, and a switcher that puts the demo user in any scenario.
 * The app reaches the sign-in page only because CLERK_SIGN_IN_URL says so.
 */

/*
 * Clerk's SDK trusts a referrer from its own Account Portal; this stand-in is
 * another origin it does not know, so a signed-in arrival from it would make
 * the app ask Clerk's frontend API for a handshake, which never answers
 * offline. Sending no referrer makes the arrival look like a typed address.
 */
const NO_REFERRER = { "Referrer-Policy": "no-referrer" };

export interface PortalOptions {
  appUrl: string;
  demoUserId: string;
}

export function demoPages(options: PortalOptions) {
  return (
    request: FakeRequest,
    context: ControlContext,
  ): CannedReply | null => {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case "GET /demo/sign-in":
        return signInPage(options, context, request.query.get("redirect_url"));
      case "POST /demo/sign-in":
        return signInDemoUser(
          options,
          context,
          new URLSearchParams(request.body),
        );
      case "GET /demo":
        return switcherPage(options, context);
      case "POST /demo/scenario":
        return switchScenario(
          options,
          context,
          new URLSearchParams(request.body),
        );
      default:
        return null;
    }
  };
}

function demoUser(options: PortalOptions, context: ControlContext) {
  const user = context.world.users.get(options.demoUserId);
  if (!user) throw new Error(`the demo user ${options.demoUserId} is missing`);
  return user;
}

/** Where to go after sign-in: an http(s) address, else the app. */
function returnAddress(options: PortalOptions, wanted: string | null) {
  if (!wanted) return options.appUrl;
  try {
    const url = new URL(wanted, options.appUrl);
    return url.protocol === "http:" || url.protocol === "https:"
      ? url.href
      : options.appUrl;
  } catch {
    return options.appUrl;
  }
}

function signInPage(
  options: PortalOptions,
  context: ControlContext,
  redirectUrl: string | null,
): CannedReply {
  const { account } = demoUser(options, context);
  return page(
    "Sign in to Now Playing (offline demo)",
    `<p class="note">Offline demo: this page stands in for Clerk's sign-in and
    Spotify's consent screen. Nothing leaves this machine.</p>
    <h1>Sign in to Now Playing</h1>
    <p>You will be signed in as a made-up Spotify listener:</p>
    <p class="who"><strong>${escapeHtml(account.displayName)}</strong><br>
    <span>${escapeHtml(account.email)}</span></p>
    <form method="post" action="/demo/sign-in">
      <input type="hidden" name="redirect_url" value="${escapeHtml(returnAddress(options, redirectUrl))}">
      <button type="submit">Continue with Spotify</button>
    </form>
    <p><a href="/demo">Scenario switcher</a>: show any dashboard or failure screen.</p>`,
  );
}

function signInDemoUser(
  options: PortalOptions,
  context: ControlContext,
  form: URLSearchParams,
): CannedReply {
  const target = returnAddress(options, form.get("redirect_url"));
  const session = signIn(context, demoUser(options, context), {
    azp: new URL(target).origin,
    lifetimeSeconds: 30 * 24 * 3600,
    variant: "valid",
  });
  // Cookies ignore ports, so these reach the app on the same host.
  const cookies = Object.entries(session.cookies).map(
    ([name, value]) => `${name}=${value}; Path=/; SameSite=Lax`,
  );
  return {
    kind: "reply",
    status: 303,
    headers: { Location: target, "Set-Cookie": cookies, ...NO_REFERRER },
    body: "",
  };
}

function switcherPage(options: PortalOptions, context: ControlContext) {
  const user = demoUser(options, context);
  const current = (option: DemoOption) =>
    option.spotify === user.spotifyScenario &&
    option.clerk === user.clerkScenario;
  const buttons = (list: DemoOption[]) =>
    list
      .map(
        (option) => `<li><form method="post" action="/demo/scenario">
          <input type="hidden" name="scenario" value="${escapeHtml(option.label)}">
          <button type="submit"${current(option) ? ' aria-current="true"' : ""}>${escapeHtml(option.label)}</button>
        </form></li>`,
      )
      .join("");
  return page(
    "Scenario switcher (offline demo)",
    `<p class="note">Offline demo: this page belongs to the fake Clerk and
    Spotify, not to the app. Pick a scenario; the app shows it on its next
    load.</p>
    <h1>Scenario switcher</h1>
    <p>Demo user: <strong>${escapeHtml(user.account.displayName)}</strong>.
    Now: Spotify <code>${escapeHtml(user.spotifyScenario)}</code>, Clerk
    <code>${escapeHtml(user.clerkScenario)}</code>.</p>
    <h2>Playback</h2><ul>${buttons(playbackOptions)}</ul>
    <h2>Failures</h2><ul>${buttons(failureOptions)}</ul>
    <p><a href="${escapeHtml(options.appUrl)}">Open the app</a></p>`,
  );
}

function switchScenario(
  options: PortalOptions,
  context: ControlContext,
  form: URLSearchParams,
): CannedReply {
  const option = demoOptions.find(
    (entry) => entry.label === form.get("scenario"),
  );
  if (!option)
    return page("Unknown scenario", "<h1>Unknown scenario</h1>", 400);
  switchScenarios(context.world, demoUser(options, context), option);
  return {
    kind: "reply",
    status: 303,
    headers: { Location: options.appUrl, ...NO_REFERRER },
    body: "",
  };
}

function page(title: string, body: string, status = 200): CannedReply {
  return reply(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`,
    { "Content-Type": HTML, "Cache-Control": "no-store", ...NO_REFERRER },
  );
}

const STYLE = `
body{margin:0;background:#f4f1ea;color:#1d1b16;font:16px/1.5 system-ui,sans-serif}
main{max-width:34rem;margin:0 auto;padding:2rem 1.25rem}
.note{background:#fff3c4;border:1px solid #d9b84a;border-radius:8px;padding:.75rem 1rem}
.who{font-size:1.1rem}
ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
button{font:inherit;font-weight:600;min-height:44px;padding:.6rem 1.1rem;border-radius:999px;border:1px solid #1d1b16;background:#fff;color:#1d1b16;cursor:pointer}
form>button{background:#1d1b16;color:#fff}
li button{background:#fff;color:#1d1b16}
li button[aria-current]{background:#1d1b16;color:#fff}
button:focus-visible,a:focus-visible{outline:3px solid #005fcc;outline-offset:2px}
a{color:#0b4ea2}
`;

function escapeHtml(text: string) {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
