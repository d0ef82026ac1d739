import type { BrowserContext } from "@playwright/test";

/*
 * Every Content-Security-Policy violation in any page of the context, as
 * the browser reports it to the page: the directive, and what it blocked.
 */

export async function watchCspViolations(context: BrowserContext) {
  const violations: string[] = [];
  await context.exposeBinding(
    "__reportCspViolation",
    (_source, violation: string) => {
      violations.push(violation);
    },
  );
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as Record<string, unknown>)
        .__reportCspViolation as (violation: string) => void;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
          `at ${event.documentURI}`,
      );
    });
  });
  return violations;
}
