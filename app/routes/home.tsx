import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DashboardView } from "../components/DashboardView";
import { Landing } from "../components/Landing";
import { RouteErrorScreen } from "../components/RouteErrorScreen";
import {
  dashboardHeaders,
  dashboardShouldRevalidate,
} from "../lib/dashboard-route";
import { getSession, signInUrl } from "../server/auth.server";
import { loadDashboard } from "../server/dashboard.server";
import { controlPlayer } from "../server/player-control.server";
import { requestServices } from "../server/request.server";

export const headers = dashboardHeaders;

export const meta: MetaFunction = () => [{ title: "Now Playing" }];

/** Signed out, what the app does; signed in, the dashboard itself. */
export async function loader(args: LoaderFunctionArgs) {
  const services = requestServices(args.context);
  const session = await getSession(args, services.config);
  if (!session) {
    const url = signInUrl(services.config, args.request.url);
    return { signedIn: false as const, signInUrl: url };
  }

  const dashboard = await loadDashboard(args, services, session);
  return { signedIn: true as const, ...dashboard };
}

export const action = controlPlayer;

export const shouldRevalidate = dashboardShouldRevalidate;

export default function Home() {
  const home = useLoaderData<typeof loader>();
  const controlResult = useActionData<typeof action>();
  return home.signedIn ? (
    <DashboardView {...home} controlResult={controlResult} />
  ) : (
    <Landing signInUrl={home.signInUrl} />
  );
}

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
