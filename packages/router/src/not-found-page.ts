import { routerPage } from "./router-page";

/**
 * The page every request for an unknown host gets. `{http.request.host}` is filled in by Caddy at
 * request time; Go's HTTP server rejects Host headers containing `<`, `>` or `"`, so the host cannot
 * inject markup — it is still kept out of attributes to be safe with `'`.
 */
export const NOT_FOUND_HTML = routerPage(
  "No such app",
  "No such app",
  `<p>Nothing on this Berth is serving <code>{http.request.host}</code>.</p>
<p>Check the app name in the address. If the app is yours, run <code>berth apps</code> to list your apps and their URLs;
a new app answers here once its first release is deployed.</p>`,
);
