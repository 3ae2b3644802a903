import { routerPage } from "./router-page";

/** The page a stopped app's host answers with (503): the app exists, it runs no instances on purpose. */
export const STOPPED_HTML = routerPage(
  "App stopped",
  "This app is stopped",
  `<p>Its owners stopped it; it answers again after <code>berth start</code>.</p>`,
);
