import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { isFailure } from "../lib/failures";
import { FailureLayout } from "./FailureLayout";
import { FailureScreen } from "./FailureScreen";

/**
 * Every error boundary renders this: a known failure gets its own screen;
 * anything else a plain apology, never a stack trace or upstream message.
 */
export function RouteErrorScreen() {
  const error = useRouteError();

  if (isRouteErrorResponse(error) && isFailure(error.data)) {
    return <FailureScreen failure={error.data} />;
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <FailureLayout
        title="Page not found"
        actions={
          <Link className="button button-primary" to="/">
            Go to the dashboard
          </Link>
        }
      >
        <p className="lead">There is nothing at this address.</p>
      </FailureLayout>
    );
  }
  return (
    <FailureLayout
      title="Something went wrong"
      actions={
        <Link className="button button-primary" to="/" reloadDocument>
          Start again
        </Link>
      }
    >
      <p className="lead">
        The app hit an error it did not expect. It has been logged; try again in
        a moment.
      </p>
    </FailureLayout>
  );
}
