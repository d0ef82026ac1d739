import { ClerkProvider } from "@clerk/remix";
import { rootAuthLoader } from "@clerk/remix/ssr.server";
import type {
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/cloudflare";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { RouteErrorScreen } from "./components/RouteErrorScreen";
import { useNonce } from "./lib/nonce";
import {
  clerkOptions,
  shareSession,
  withinDeadline,
} from "./server/auth.server";
import { fail, requireConfig } from "./server/request.server";
import styles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Now Playing" },
  {
    name: "description",
    content: "A live view of what is playing on your Spotify account.",
  },
];

export async function loader(args: LoaderFunctionArgs) {
  const config = requireConfig(args.context);
  const session = shareSession(args.context);
  try {
    return await withinDeadline(
      rootAuthLoader(
        args,
        session.callback,
        clerkOptions(config, args.request),
      ),
    );
  } catch (error) {
    session.failed(error);
    if (error instanceof Response) throw error;
    session.unavailable(error);
    return fail({ kind: "clerk-unavailable" });
  } finally {
    session.failed(new Error("rootAuthLoader ended without a session"));
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="dark" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { clerkState } = useLoaderData<{ clerkState: ClerkState }>();
  const nonce = useNonce();
  return (
    <ClerkProvider clerkState={clerkState} nonce={nonce}>
      <Outlet />
    </ClerkProvider>
  );
}

type ClerkState = Parameters<typeof ClerkProvider>[0]["clerkState"];

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
