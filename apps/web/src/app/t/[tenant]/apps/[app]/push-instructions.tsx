import { Card } from "../../../../../components/card";
import { CopyButton } from "../../../../../components/copy-button";

/** The exact commands to deploy, the same ones `berth apps:create` and `berth git:remote` print. */
export function PushInstructions({ tenant, app, gitUrl, highlight }: { tenant: string; app: string; gitUrl: string; highlight: boolean }) {
  const withCli = [`berth git:remote ${app} --tenant ${tenant}`, "git push berth main"].join("\n");
  const withGit = [`git remote add berth ${gitUrl}`, "git push berth main", "# user name: berth; password: an API token (Account → API tokens)"].join("\n");
  return (
    <Card id="push" title={highlight ? "App created. Now push your code" : "Deploy with git"} className={`lg:col-span-2 ${highlight ? "ring-2 ring-emerald-300" : ""}`} testId="push-instructions">
      <p className="mt-1 text-sm text-slate-500">From the directory of your app (a Dockerfile; a Node app with a start script or server.js; or a static site with index.html), under git:</p>
      <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">Git URL</p>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="block min-w-0 flex-1 break-all rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs" data-testid="git-url">
          {gitUrl}
        </code>
        <CopyButton value={gitUrl} />
      </div>
      <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">With the berth CLI (no password prompt)</p>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100" data-testid="push-commands">{withCli}</pre>
      <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">With git alone</p>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">{withGit}</pre>
      <p className="mt-2 text-xs text-slate-500">The build and deploy output streams to your terminal and to the Deployments tab, and ends with the URL.</p>
    </Card>
  );
}
