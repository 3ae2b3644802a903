/** The page a stopped app's host answers with (503): the app exists, it runs no instances on purpose. */
export const STOPPED_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>App stopped · Berth</title>
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
<h1>This app is stopped</h1>
<p>Its owners stopped it; it answers again after <code>berth start</code>.</p>
</main>
</body>
</html>
`;
