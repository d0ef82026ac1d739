import { data } from "@remix-run/cloudflare";
import { RouteErrorScreen } from "../components/RouteErrorScreen";

export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
