import type { BrowserContext, ConsoleMessage } from "@playwright/test";
import { FRONTEND_API } from "../../support/offline-settings.ts";

/*
 * Every page error and console error fails the test, except the one failure
 * the offline demo cannot avoid: clerk-js is fetched from Clerk's frontend
 * API host, which does not resolve here. Chromium logs the failed request,
 * then Clerk says it failed to load: as an unhandled rejection once its
 * retries give up (about 6 s), and as a console error after 15 s.
 */

const CLERK_HOST = FRONTEND_API.replaceAll(".", "\\.");
const CLERK_SCRIPT = new RegExp(
  `^https://${CLERK_HOST}/npm/@clerk/clerk-js@[\\w.-]+/dist/clerk\\.browser\\.js$`,
);
const UNRESOLVED = "Failed to load resource: net::ERR_NAME_NOT_RESOLVED";
const CLERK_GAVE_UP = new RegExp(
  String.raw`^Clerk: Failed to load Clerk, failed to load script: (\S+)\s+` +
    String.raw`\(code="failed_to_load_clerk_js"\)\s*$`,
);
const CLERK_TIMED_OUT = new RegExp(
  String.raw`^(\w+: )?Clerk: Failed to load Clerk\s+` +
    String.raw`\(code="failed_to_load_clerk_js_timeout"\)`,
);
const STATUS_LOGGED = "Failed to load resource: the server responded with";

export interface ConsoleWatch {
  /**
   * A failure screen answers 401, 403 or 429 on purpose, and Chromium logs
   * any such document as a console error; the test names the one it expects.
   */
  expectDocumentStatus(url: string, status: number): void;
  /** A console error the test provokes on purpose, matched by its text. */
  expectError(text: RegExp): void;
  /** What went wrong that nobody expected, in arrival order. */
  readonly unexpected: string[];
}

export function watchConsole(context: BrowserContext): ConsoleWatch {
  const unexpected: string[] = [];
  const expectedDocuments: { url: string; message: string }[] = [];
  const expectedErrors: RegExp[] = [];
  let clerkScriptFailed = false;

  const isExpectedDocument = (message: ConsoleMessage) =>
    expectedDocuments.some(
      (expected) =>
        message.location().url === expected.url &&
        message.text().startsWith(expected.message),
    );

  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (text === UNRESOLVED && CLERK_SCRIPT.test(message.location().url)) {
      clerkScriptFailed = true;
      return;
    }
    if (clerkScriptFailed && CLERK_TIMED_OUT.test(text)) return;
    if (isExpectedDocument(message)) return;
    if (expectedErrors.some((expected) => expected.test(text))) return;
    unexpected.push(`console error at ${message.location().url}: ${text}`);
  });

  context.on("weberror", (webError) => {
    const { message } = webError.error();
    const script = CLERK_GAVE_UP.exec(message)?.[1];
    if (clerkScriptFailed && script && CLERK_SCRIPT.test(script)) return;
    unexpected.push(`page error: ${message}`);
  });

  return {
    expectDocumentStatus(url, status) {
      const message = `${STATUS_LOGGED} a status of ${status} (`;
      expectedDocuments.push({ url, message });
    },
    expectError(text) {
      expectedErrors.push(text);
    },
    unexpected,
  };
}
