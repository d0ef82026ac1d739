import { SignUp } from "@clerk/remix";
import { ClerkWidget } from "../components/ClerkWidget";

export default function SignUpPage() {
  return (
    <ClerkWidget title="Sign up">
      <SignUp routing="path" path="/sign-up" signInUrl="/sign-in" />
    </ClerkWidget>
  );
}
