import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createBerthClient, describeError, type BerthClient } from "./api-client";
import { parseArgs, parseAssignments, parseVersion, requirePositional, stringFlag, UsageError, type ParsedArgs } from "./args";
import { cliConfigPath, readCliConfig, resolveSettings, writeCliConfig } from "./cli-config";
import { DOMAIN_USAGE, domainCommands } from "./commands/domain-commands";
import { RUNTIME_USAGE, runtimeCommands } from "./commands/runtime-commands";
import { followDeployment } from "./follow-deployment";
import { configureGitRemote, parseCredentialRequest } from "./git-remote";
import { processOutput, table, when, type Output } from "./output";

export const USAGE = `Usage: berth <command> [arguments] [--json] [--api-url URL] [--token TOKEN] [--tenant NAME]

  login --api-url URL --token TOKEN [--tenant NAME]   save the console URL and an API token
  apps                                    list the tenant's apps
  apps:create NAME                        create an app; prints its git and web URLs
  apps:info NAME                          URLs, current release and latest deployment
  apps:destroy NAME --confirm NAME        delete the app and stop serving it
  git:remote NAME [--remote berth]        add the app's git remote here, with credentials
  config NAME                             show config vars
  config:set NAME KEY=VALUE...            set config vars (new release, no rebuild)
  config:unset NAME KEY...                remove config vars (new release, no rebuild)
  buildpack NAME                          show how pushes are built (overrides of detection)
  buildpack:set NAME KEY=VALUE...         set build settings; KEY= clears one. Keys: builder
                                          (dockerfile|go|python|node|static|procfile), buildDir,
                                          dockerfilePath, installCommand, buildCommand,
                                          startCommand, buildSecrets (config var names, comma-separated)
  releases NAME                           list releases, newest first
  rollback NAME vN                        release vN's image and config again
${RUNTIME_USAGE}
  deploys NAME                            list deployments, newest first
  deploys:cancel NAME [ID]                stop a build or rollout (default: the one in progress);
                                          the previous release keeps serving
${DOMAIN_USAGE}

Settings come from flags, then BERTH_API_URL / BERTH_TOKEN / BERTH_TENANT, then ${cliConfigPath()}.`;

interface Context {
  args: ParsedArgs;
  out: Output;
  env: NodeJS.ProcessEnv;
  stdin: () => Promise<string>;
}

function settings(ctx: Context) {
  const { flags } = ctx.args;
  return resolveSettings(
    { apiUrl: stringFlag(flags, "api-url"), token: stringFlag(flags, "token"), tenant: stringFlag(flags, "tenant") },
    ctx.env,
    readCliConfig(cliConfigPath(ctx.env)),
  );
}

function connect(ctx: Context): { client: BerthClient; tenant: string; apiUrl: string } {
  const s = settings(ctx);
  if (!s.apiUrl || !s.token) throw new UsageError("Not logged in: run `berth login --api-url URL --token TOKEN` (or set BERTH_API_URL and BERTH_TOKEN).");
  return { client: createBerthClient(s.apiUrl, s.token), tenant: s.tenant, apiUrl: s.apiUrl };
}

const json = (ctx: Context, value: unknown) => ctx.out.out(JSON.stringify(value, null, 2));

/** The real path of bin/berth.js, which git runs as the credential helper. */
function berthBinPath(): string {
  return realpathSync(fileURLToPath(new URL("../bin/berth.js", import.meta.url)));
}

type Command = (ctx: Context) => Promise<number>;

const commands: Record<string, Command> = {
  async login(ctx) {
    const apiUrl = stringFlag(ctx.args.flags, "api-url")?.replace(/\/+$/, "");
    const token = stringFlag(ctx.args.flags, "token");
    if (!apiUrl || !token) throw new UsageError("login needs --api-url and --token.");
    const tenant = stringFlag(ctx.args.flags, "tenant") ?? "main";
    const me = await createBerthClient(apiUrl, token).auth.me.query();
    if (!me) throw new Error(`${apiUrl} refused the token: it is not valid, has expired or was revoked.`);
    writeCliConfig({ apiUrl, token, tenant }, cliConfigPath(ctx.env));
    ctx.out.out(`Logged in to ${apiUrl} as ${me.email} (tenant ${tenant}).`);
    return 0;
  },

  async apps(ctx) {
    const { client, tenant } = connect(ctx);
    const apps = await client.apps.list.query({ tenant });
    if (ctx.args.flags.json) return json(ctx, apps), 0;
    if (!apps.length) return ctx.out.out(`No apps in ${tenant} yet. Create one with \`berth apps:create NAME\`.`), 0;
    for (const line of table([["NAME", "RELEASE", "URL"], ...apps.map((a) => [a.name, a.currentVersion ? `v${a.currentVersion}` : "-", a.webUrl])])) ctx.out.out(line);
    return 0;
  },

  async "apps:create"(ctx) {
    const name = requirePositional(ctx.args.positionals, 0, "the app name (berth apps:create NAME)");
    const { client, tenant } = connect(ctx);
    const app = await client.apps.create.mutate({ tenant, name });
    if (ctx.args.flags.json) return json(ctx, app), 0;
    ctx.out.out(`Created ${app.name} in ${app.tenant}.`);
    ctx.out.out(`  git: ${app.gitUrl}`);
    ctx.out.out(`  web: ${app.webUrl}`);
    ctx.out.out(`Next: \`berth git:remote ${app.name}\`, then \`git push berth main\`.`);
    return 0;
  },

  async "apps:info"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = connect(ctx);
    const info = await client.apps.info.query({ tenant, app });
    if (ctx.args.flags.json) return json(ctx, info), 0;
    const r = info.currentRelease;
    const d = info.latestDeployment;
    for (const line of table([
      ["name", `${info.name} (tenant ${info.tenant})`],
      ["git", info.gitUrl],
      ["web", info.webUrl],
      ["release", r ? `v${r.version} ${r.status} — ${r.description} (${r.imageDigest.slice(0, 19)}…)` : "none yet: push to deploy"],
      ["state", info.crash ? `crashed since ${when(info.crash.at)} (berth ps ${info.name} shows why)` : info.state],
      ["deployment", d ? `${d.status} — ${d.description}${d.failureReason ? `: ${d.failureReason}` : ""} (${when(d.createdAt)})` : "-"],
    ])) ctx.out.out(line);
    return 0;
  },

  async "apps:destroy"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const confirm = stringFlag(ctx.args.flags, "confirm");
    if (confirm !== app) throw new UsageError(`This deletes ${app} and stops serving it; confirm with --confirm ${app}.`);
    const { client, tenant } = connect(ctx);
    await client.apps.destroy.mutate({ tenant, app, confirm });
    ctx.out.out(`Destroyed ${app}.`);
    return 0;
  },

  async "git:remote"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const remote = stringFlag(ctx.args.flags, "remote") ?? "berth";
    const { client, tenant } = connect(ctx);
    const info = await client.apps.info.query({ tenant, app });
    const outcome = await configureGitRemote({ remote, url: info.gitUrl, berthBin: berthBinPath() });
    ctx.out.out(`Remote ${remote} ${outcome}: ${info.gitUrl}`);
    ctx.out.out(`Deploy with \`git push ${remote} main\`.`);
    return 0;
  },

  async "git:credential"(ctx) {
    const op = ctx.args.positionals[0];
    const request = parseCredentialRequest(await ctx.stdin());
    // store and erase are git telling us what worked or failed; the token lives in the CLI config.
    if (op !== "get") return 0;
    const { token } = settings(ctx);
    if (!token || !request.host) return 0;
    ctx.out.out("username=berth");
    ctx.out.out(`password=${token}`);
    return 0;
  },

  async config(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = connect(ctx);
    // Listing config is asking for it: values are revealed unless --masked (viewers need --masked).
    const vars = await client.config.list.query({ tenant, app, reveal: !ctx.args.flags.masked });
    if (ctx.args.flags.json) return json(ctx, vars), 0;
    const keys = Object.keys(vars);
    if (!keys.length) return ctx.out.out(`${app} has no config vars.`), 0;
    for (const key of keys) ctx.out.out(`${key}=${vars[key]}`);
    return 0;
  },

  async "config:set"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    return changeConfig(ctx, app, { set: parseAssignments(ctx.args.positionals.slice(1)), unset: [] });
  },

  async "config:unset"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const keys = ctx.args.positionals.slice(1);
    if (!keys.length) throw new UsageError("Name at least one KEY to unset.");
    return changeConfig(ctx, app, { set: {}, unset: keys });
  },

  async buildpack(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = connect(ctx);
    const current = await client.builds.settings.query({ tenant, app });
    if (ctx.args.flags.json) return json(ctx, current), 0;
    return printBuildSettings(ctx, app, current), 0;
  },

  async "buildpack:set"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const assignments = parseAssignments(ctx.args.positionals.slice(1));
    if (!Object.keys(assignments).length) throw new UsageError("Name at least one KEY=VALUE (KEY= clears it).");
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    for (const [key, value] of Object.entries(assignments)) {
      if (value === "") unset.push(key);
      else set[key] = key === "buildSecrets" ? value.split(",").map((s) => s.trim()).filter(Boolean) : value;
    }
    const { client, tenant } = connect(ctx);
    const next = await client.builds.setSettings.mutate({ tenant, app, set, unset: unset as never });
    if (ctx.args.flags.json) return json(ctx, next), 0;
    printBuildSettings(ctx, app, next);
    ctx.out.err("The next push builds with these settings.");
    return 0;
  },

  async releases(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = connect(ctx);
    const releases = await client.releases.list.query({ tenant, app });
    if (ctx.args.flags.json) return json(ctx, releases), 0;
    if (!releases.length) return ctx.out.out(`${app} has no releases yet: push to deploy.`), 0;
    const rows = releases.map((r) => [
      `${r.current ? "*" : " "}v${r.version}`,
      r.status,
      r.kind,
      r.imageDigest.replace(/^sha256:/, "").slice(0, 12),
      r.createdBy ?? "-",
      when(r.createdAt),
      r.description,
    ]);
    for (const line of table([[" VER", "STATUS", "KIND", "IMAGE", "BY", "WHEN", "CHANGE"], ...rows])) ctx.out.out(line);
    return 0;
  },

  async deploys(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = connect(ctx);
    const deployments = await client.deployments.list.query({ tenant, app, limit: 30 });
    if (ctx.args.flags.json) return json(ctx, deployments), 0;
    if (!deployments.length) return ctx.out.out(`${app} has no deployments yet: push to deploy.`), 0;
    const rows = deployments.map((d) => [d.id, d.status, d.kind, d.releaseVersion ? `v${d.releaseVersion}` : "-", d.createdBy ?? "-", when(d.createdAt), d.description]);
    for (const line of table([["ID", "STATUS", "KIND", "RELEASE", "BY", "WHEN", "CHANGE"], ...rows])) ctx.out.out(line);
    return 0;
  },

  async "deploys:cancel"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = connect(ctx);
    const result = await client.deployments.cancel.mutate({ tenant, app, deploymentId: ctx.args.positionals[1] ?? null });
    if (ctx.args.flags.json && ctx.args.flags["no-wait"]) return json(ctx, result), 0;
    ctx.out.err(`-----> Cancelling ${result.deploymentId} (${result.status})`);
    if (ctx.args.flags["no-wait"] || result.status === "cancelled") return 0;
    // Exit 0 once it has stopped: "cancelled" is what was asked for.
    await followDeployment(client, result.deploymentId, ctx.out);
    const end = await client.deployments.progress.query({ deploymentId: result.deploymentId, afterSeq: 2_147_483_647 });
    return end.status === "cancelled" ? 0 : 1;
  },

  async rollback(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const version = parseVersion(ctx.args.positionals[1]);
    const { client, tenant } = connect(ctx);
    const { deploymentId } = await client.releases.rollback.mutate({ tenant, app, version });
    ctx.out.err(`-----> Rolling ${app} back to v${version}`);
    if (ctx.args.flags["no-wait"]) return 0;
    return (await followDeployment(client, deploymentId, ctx.out)) ? 0 : 1;
  },
};

function printBuildSettings(ctx: Context, app: string, current: Record<string, unknown>): void {
  const entries = Object.entries(current);
  if (!entries.length) return ctx.out.out(`${app} has no build settings: every push is detected.`);
  for (const [key, value] of entries) ctx.out.out(`${key}=${Array.isArray(value) ? value.join(",") : String(value)}`);
}

async function changeConfig(ctx: Context, app: string, change: { set: Record<string, string>; unset: string[] }): Promise<number> {
  const { client, tenant } = connect(ctx);
  const result = await client.config.set.mutate({ tenant, app, ...change });
  if (!result.changed) return ctx.out.out("Nothing changed: the config already had those values."), 0;
  ctx.out.err(`-----> ${result.description}`);
  if (!result.deploymentId) {
    ctx.out.err(`${app} has no release yet: the first push will use this config.`);
    return 0;
  }
  if (ctx.args.flags["no-wait"]) return 0;
  return (await followDeployment(client, result.deploymentId, ctx.out)) ? 0 : 1;
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/** Runs one command line; returns the exit code. Every failure is one line on stderr. */
export async function run(argv: string[], io: { out?: Output; env?: NodeJS.ProcessEnv; stdin?: () => Promise<string> } = {}): Promise<number> {
  const out = io.out ?? processOutput;
  const env = io.env ?? process.env;
  let apiUrl: string | undefined;
  try {
    const args = parseArgs(argv);
    if (!args.command || args.flags.help || args.command === "help") {
      out.out(USAGE);
      return args.command || args.flags.help ? 0 : 1;
    }
    const runtime = runtimeCommands[args.command] ?? domainCommands[args.command];
    const command: Command | undefined =
      commands[args.command] ??
      (runtime &&
        ((ctx: Context) =>
          runtime({ args: ctx.args, out: ctx.out, connect: () => connect(ctx) })));
    if (!command) throw new UsageError(`Unknown command "${args.command}". Run \`berth help\`.`);
    const ctx: Context = { args, out, env, stdin: io.stdin ?? readStdin };
    try {
      apiUrl = settings(ctx).apiUrl;
    } catch {
      // reported by the command itself
    }
    return await command(ctx);
  } catch (error) {
    out.err(`berth: ${error instanceof UsageError ? error.message : describeError(error, apiUrl)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
