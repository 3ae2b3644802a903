/** The router's own pages (no such app, app stopped) share one look: a title and a few paragraphs. */
export function routerPage(title: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Berth</title>
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
<h1>${heading}</h1>
${body}
</main>
</body>
</html>
`;
}
