/**
 * The page every request for an unknown host gets. `{http.request.host}` is filled in by Caddy at
 * request time; Go's HTTP server rejects Host headers containing `<`, `>` or `"`, so the host cannot
 * inject markup — it is still kept out of attributes to be safe with `'`.
 */
export const NOT_FOUND_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>No such app · Berth</title>
<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#0f172a;color:#e2e8f0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{max-width:34rem;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
.brand{color:#38bdf8;font-weight:600;letter-spacing:.05em;text-transform:uppercase;font-size:.8rem}
code{background:#1e293b;padding:.1rem .35rem;border-radius:.25rem}
</style>
</head>
<body>
<main>
<div class="brand">Berth</div>
<h1>No such app</h1>
<p>Nothing on this Berth is serving <code>{http.request.host}</code>.</p>
<p>Check the app name in the address. If the app is yours, run <code>berth apps</code> to list your apps and their URLs;
a new app answers here once its first release is deployed.</p>
</main>
</body>
</html>
`;
