// The edit token in the browser: taken once from the address's fragment (`#token=…`, which browsers never send to a
// server) or asked for when a write answers 401 or 403, kept in this tab's session storage, never in a cookie, so no
// other site can borrow it. The fragment is removed at once so the token is neither bookmarked nor copied in a link.

const KEY = "rightsgraph-edit-token";

/** Moves `token=…` from the address's fragment into session storage and out of the address bar (history entry too). */
export function takeTokenFromUrl(): void {
  const hash = window.location.hash.replace(/^#/, "");
  if (!hash) return;
  const params = new URLSearchParams(hash);
  const token = params.get("token");
  if (token === null) return;
  params.delete("token");
  if (token) saveToken(token);
  const rest = params.toString();
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, "", `${pathname}${search}${rest ? `#${rest}` : ""}`);
}

/** The token of this tab's edit session, if it was given. */
export function editToken(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function saveToken(token: string): void {
  try {
    window.sessionStorage.setItem(KEY, token.trim());
  } catch {
    // Storage refused (a private window's quota): the token lives until the next prompt.
  }
}

/** Asks for the token the server printed at start; false when the person cancels. */
export function askForToken(why: string): boolean {
  const given = window.prompt(`${why}\nPaste the edit token that "rightsgraph serve --edit" printed at start:`);
  if (!given?.trim()) return false;
  saveToken(given);
  return true;
}
