import { Form } from "@remix-run/react";

/**
 * Signs out on the server, so it works before (or without) Clerk's script.
 * A full page load afterwards leaves no signed-in state in the browser.
 */
export function SignOutButton({
  label = "Sign out",
  className = "button button-quiet",
}: {
  label?: string;
  className?: string;
}) {
  return (
    <Form method="post" action="/sign-out" reloadDocument>
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  );
}
