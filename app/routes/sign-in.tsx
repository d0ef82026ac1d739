import { SignIn } from "@clerk/remix";
import { type LoaderFunctionArgs, redirect } from "@remix-run/cloudflare";
import { ClerkWidget } from "../components/ClerkWidget";
import { requireConfig } from "../server/request.server";

/** A sign-in page hosted elsewhere (Clerk's Account Portal) is used as is. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const { signInUrl } = requireConfig(context).clerk;
  const here = new URL(request.url);
  const target = new URL(signInUrl, here);
  if (target.origin !== here.origin) {
    target.search = here.search;
    throw redirect(target.href);
  }
  return null;
}

export default function SignInPage() {
  return (
    <ClerkWidget title="Sign in">
      <SignIn routing="path" path="/sign-in" signUpUrl="/sign-up" />
    </ClerkWidget>
  );
}
