import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DashboardView } from "../components/DashboardView";
import { RouteErrorScreen } from "../components/RouteErrorScreen";
import {
  dashboardHeaders,
  dashboardShouldRevalidate,
} from "../lib/dashboard-route";
import { requireSession } from "../server/auth.server";
import { loadDashboard } from "../server/dashboard.server";
import { controlPlayer } from "../server/player-control.server";
import { requestServices } from "../server/request.server";

export const headers = dashboardHeaders;

export const meta: MetaFunction = () => [{ title: "Now Playing" }];

export async function loader(args: LoaderFunctionArgs) {
  const services = requestServices(args.context);
  const session = await requireSession(args, services.config);

  return loadDashboard(args, services, session);
}

export const action = controlPlayer;

export const shouldRevalidate = dashboardShouldRevalidate;

export default function Dashboard() {
  const dashboard = useLoaderData<typeof loader>();
  const controlResult = useActionData<typeof action>();
  return <DashboardView {...dashboard} controlResult={controlResult} />;
}

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
