import type { BerthClient } from "../api-client";
import { type ParsedArgs, requirePositional, stringFlag, UsageError } from "../args";
import { table, when, type Output } from "../output";

/** What the runtime commands need from the CLI's main loop. */
export interface RuntimeCommandContext {
  args: ParsedArgs;
  out: Output;
  connect(): { client: BerthClient; tenant: string };
}

type RuntimeCommand = (ctx: RuntimeCommandContext) => Promise<number>;

export const RUNTIME_USAGE = `  ps NAME                                 process types, instances, their state, health, release and age
  scale NAME TYPE=N... [--cpu C] [--memory MB]
                                          instances per process type (e.g. web=3 worker=1); --cpu/--memory
                                          set the per-instance limits of the types named (none: no limit)
  restart NAME [TYPE]                     replace every instance, one at a time, start-first
  stop NAME / start NAME                  run no instances / run the formation again
  logs NAME [--type T] [--num N] [--tail] runtime logs of every instance; --tail keeps streaming new lines
  healthcheck NAME                        the health check of each process type
  healthcheck:set NAME [TYPE] [--path /p] [--status 200] [--body TEXT] [--tcp] [--reset]
                 [--start-period S] [--interval S] [--timeout S] [--retries N]
                                          default: web accepts TCP on $PORT; --path makes it HTTP`;

const json = (ctx: RuntimeCommandContext, value: unknown) => ctx.out.out(JSON.stringify(value, null, 2));

function age(date: Date | string | null): string {
  if (!date) return "-";
  const s = Math.max(0, Math.round((Date.now() - new Date(date).getTime()) / 1000));
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m` : s < 86400 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86400)}d`;
}

/** "0.5" → 0.5, "none" → null (no limit), absent → undefined (unchanged). */
function limitFlag(ctx: RuntimeCommandContext, name: string, integer: boolean): number | null | undefined {
  const text = stringFlag(ctx.args.flags, name);
  if (text === undefined) return undefined;
  if (text === "none") return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${name} takes a positive ${integer ? "whole number" : "number"}, or "none" for no limit.`);
  }
  return value;
}

function intFlag(ctx: RuntimeCommandContext, name: string): number | undefined {
  const text = stringFlag(ctx.args.flags, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} takes a whole number.`);
  return Number(text);
}

export const runtimeCommands: Record<string, RuntimeCommand> = {
  async ps(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = ctx.connect();
    const ps = await client.processes.list.query({ tenant, app });
    if (ctx.args.flags.json) return json(ctx, ps), 0;
    ctx.out.out(`${app}: ${ps.state}${ps.releaseVersion ? ` (release v${ps.releaseVersion})` : ""}`);
    if (ps.crash) ctx.out.out(`crashed ${when(ps.crash.at)}:\n${ps.crash.reason}`);
    for (const p of ps.processes) {
      const limits = [p.cpu ? `${p.cpu} CPU` : "", p.memoryMb ? `${p.memoryMb} MB` : ""].filter(Boolean).join(", ");
      ctx.out.out("");
      ctx.out.out(`=== ${p.type} (${p.quantity} wanted${limits ? `, ${limits} each` : ""}${p.routed ? ", routed" : ""}): ${p.command ?? "the image's command"}`);
      if (!p.instances.length) continue;
      const rows = p.instances.map((i) => [i.id, i.state, i.health, i.releaseVersion ? `v${i.releaseVersion}` : "-", age(i.startedAt), i.error ?? ""]);
      for (const line of table([["INSTANCE", "STATE", "HEALTH", "RELEASE", "AGE", "ERROR"], ...rows])) ctx.out.out(line);
    }
    return 0;
  },

  async scale(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const items = ctx.args.positionals.slice(1);
    if (!items.length) throw new UsageError("Say what to scale: berth scale NAME web=2 worker=1 (or TYPE --cpu C --memory MB).");
    const cpu = limitFlag(ctx, "cpu", false);
    const memoryMb = limitFlag(ctx, "memory", true);
    const changes = items.map((item) => {
      const match = /^([a-z][a-z0-9-]*)(?:=(\d+))?$/.exec(item);
      if (!match) throw new UsageError(`"${item}" is not TYPE=N (e.g. web=2) or a process type name.`);
      if (match[2] === undefined && cpu === undefined && memoryMb === undefined) throw new UsageError(`"${item}": give a count (${item}=2) or --cpu/--memory.`);
      return { type: match[1] as string, ...(match[2] !== undefined ? { quantity: Number(match[2]) } : {}), ...(cpu !== undefined ? { cpu } : {}), ...(memoryMb !== undefined ? { memoryMb } : {}) };
    });
    const { client, tenant } = ctx.connect();
    const { formation } = await client.processes.scale.mutate({ tenant, app, changes });
    if (ctx.args.flags.json) return json(ctx, formation), 0;
    for (const f of formation) {
      ctx.out.out(`${f.type}=${f.quantity}${f.cpu ? ` cpu=${f.cpu}` : ""}${f.memoryMb ? ` memory=${f.memoryMb}MB` : ""}`);
    }
    return 0;
  },

  async restart(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const type = ctx.args.positionals[1];
    const { client, tenant } = ctx.connect();
    const { restarted } = await client.processes.restart.mutate({ tenant, app, ...(type ? { type } : {}) });
    ctx.out.out(`Restarting ${restarted.join(", ")} of ${app}: instances are replaced one at a time, each new one serving once healthy.`);
    return 0;
  },

  async stop(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = ctx.connect();
    await client.processes.stop.mutate({ tenant, app });
    ctx.out.out(`Stopped ${app}: no instances run. \`berth start ${app}\` runs them again.`);
    return 0;
  },

  async start(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = ctx.connect();
    await client.processes.start.mutate({ tenant, app });
    ctx.out.out(`Starting ${app}: \`berth ps ${app}\` shows its instances coming up.`);
    return 0;
  },

  async logs(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const type = stringFlag(ctx.args.flags, "type");
    const { client, tenant } = ctx.connect();
    const print = (lines: Array<{ time: string; instance: string; line: string }>) => {
      for (const l of lines) ctx.out.out(`${l.time} ${l.instance}: ${l.line}`);
    };
    let page = await client.logs.read.query({ tenant, app, ...(type ? { type } : {}), tail: intFlag(ctx, "num") ?? 100 });
    print(page.lines);
    if (!ctx.args.flags.tail) return 0;
    // A long poll: each call answers as soon as a new line arrives (or after 20 s with none); Ctrl-C ends it.
    for (;;) {
      page = await client.logs.read.query({ tenant, app, ...(type ? { type } : {}), after: page.cursor, waitMs: 20_000 });
      print(page.lines);
    }
  },

  async healthcheck(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = ctx.connect();
    const checks = await client.healthChecks.list.query({ tenant, app });
    if (ctx.args.flags.json) return json(ctx, checks), 0;
    for (const line of table([["TYPE", "CHECK"], ...checks.map((c) => [c.type, c.describes])])) ctx.out.out(line);
    return 0;
  },

  async "healthcheck:set"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const type = ctx.args.positionals[1] ?? "web";
    const f = ctx.args.flags;
    const path = stringFlag(f, "path");
    if (f.tcp && path) throw new UsageError("--tcp and --path contradict each other: --tcp checks the port, --path an HTTP answer.");
    const { client, tenant } = ctx.connect();
    const result = await client.healthChecks.set.mutate({
      tenant,
      app,
      type,
      ...(f.reset ? { reset: true } : {}),
      ...(path ? { path } : f.tcp ? { path: null, bodyContains: null } : {}),
      ...(intFlag(ctx, "status") !== undefined ? { expectedStatus: intFlag(ctx, "status") } : {}),
      ...(stringFlag(f, "body") !== undefined ? { bodyContains: stringFlag(f, "body") || null } : {}),
      ...(intFlag(ctx, "start-period") !== undefined ? { startPeriodSec: intFlag(ctx, "start-period") } : {}),
      ...(intFlag(ctx, "interval") !== undefined ? { intervalSec: intFlag(ctx, "interval") } : {}),
      ...(intFlag(ctx, "timeout") !== undefined ? { timeoutSec: intFlag(ctx, "timeout") } : {}),
      ...(intFlag(ctx, "retries") !== undefined ? { retries: intFlag(ctx, "retries") } : {}),
    });
    if (ctx.args.flags.json) return json(ctx, result), 0;
    ctx.out.out(`${result.type}: ${result.describes}`);
    ctx.out.err("Running instances roll over to the new check, start-first: each new one serves once it passes.");
    return 0;
  },
};
