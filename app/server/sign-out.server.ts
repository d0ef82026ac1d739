const SESSION_COOKIE = /^(__session|__client_uat)(_[\w-]+)?$/;
const EXPIRED = "Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

/**
 * Set-Cookie headers that end Clerk's session cookies in this browser:
 * `__session` and `__client_uat`, with the suffixed names newer Clerk
 * versions use, on this host and on the parent domains Clerk may have
 * chosen (a browser ignores the ones it never accepted).
 */
export function expireSessionCookies(request: Request): string[] {
  const present = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.split("=")[0]?.trim() ?? "")
    .filter((name) => SESSION_COOKIE.test(name));
  const names = new Set(["__session", "__client_uat", ...present]);

  const domains = [undefined, ...parentDomains(new URL(request.url).hostname)];
  return [...names].flatMap((name) =>
    domains.map((domain) =>
      domain
        ? `${name}=; ${EXPIRED}; Domain=${domain}`
        : `${name}=; ${EXPIRED}`,
    ),
  );
}

function parentDomains(hostname: string) {
  if (!hostname.includes(".") || /^[\d.]+$/.test(hostname)) return [];
  const labels = hostname.split(".");
  return labels
    .slice(1, -1)
    .map((_, index) => labels.slice(index + 1).join("."));
}
