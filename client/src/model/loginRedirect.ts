/**
 * Where to go after logging in. `next` comes from the URL, so only a path inside this app
 * is followed: never another site ("//evil.example", "https://…"), never the login page.
 */
export const LOGIN_PATH = "/login";

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // Control characters and backslashes have no place in our paths and confuse URL parsers.
  if (/[\u0000-\u001f\\]/.test(next)) return "/";
  const pathname = next.split(/[?#]/, 1)[0]!;
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return "/";
  return next;
}

/** The login page, remembering where the person was (the overview needs no `next`). */
export function loginPath(next?: string | null): string {
  const target = safeNext(next);
  return target === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/** The location a page sits at, as `next` wants it. */
export function currentLocation(location: { pathname: string; search: string; hash: string }): string {
  return `${location.pathname}${location.search}${location.hash}`;
}
