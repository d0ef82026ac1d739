import type {
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { DashboardView } from "../components/DashboardView";
import { RouteErrorScreen } from "../components/RouteErrorScreen";
import { requireSession } from "../server/auth.server";
import { loadDashboard } from "../server/dashboard.server";
import { requestServices } from "../server/request.server";

// A failure screen keeps the headers its failure sent, such as Retry-After.
export const headers: HeadersFunction = ({ errorHeaders, loaderHeaders }) =>
  errorHeaders ?? loaderHeaders;

export const meta: MetaFunction = () => [{ title: "Now Playing" }];

export async function loader(args: LoaderFunctionArgs) {
  const services = requestServices(args.context);
  const session = await requireSession(args, services.config);

  return loadDashboard(args, services, session);
}

export default function Dashboard() {
  return <DashboardView {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
