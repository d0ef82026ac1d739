import type {
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/cloudflare";
import {
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
} from "@remix-run/react";
import { DashboardView } from "../components/DashboardView";
import { RouteErrorScreen } from "../components/RouteErrorScreen";
import { requireSession } from "../server/auth.server";
import { loadDashboard } from "../server/dashboard.server";
import { controlPlayer } from "../server/player-control.server";
import { requestServices } from "../server/request.server";

// A failure screen keeps the headers its failure sent, such as Retry-After,
// and so does a player command Spotify refused.
export const headers: HeadersFunction = ({
  errorHeaders,
  actionHeaders,
  loaderHeaders,
}) => {
  if (errorHeaders) return errorHeaders;
  const merged = new Headers(loaderHeaders);
  for (const [name, value] of actionHeaders) merged.set(name, value);
  return merged;
};

export const meta: MetaFunction = () => [{ title: "Now Playing" }];

export async function loader(args: LoaderFunctionArgs) {
  const services = requestServices(args.context);
  const session = await requireSession(args, services.config);

  return loadDashboard(args, services, session);
}

export const action = controlPlayer;

// A player command is followed by the page's own refresh, which costs one
// Spotify call instead of the loader's three.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod === "POST" ? false : defaultShouldRevalidate);

export default function Dashboard() {
  const dashboard = useLoaderData<typeof loader>();
  const controlResult = useActionData<typeof action>();
  return <DashboardView {...dashboard} controlResult={controlResult} />;
}

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
