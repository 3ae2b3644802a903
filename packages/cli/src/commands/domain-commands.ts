import { requirePositional } from "../args";
import { table, when } from "../output";
import type { RuntimeCommandContext } from "./runtime-commands";

export const DOMAIN_USAGE = `  domains NAME                            the app's custom domains
  domains:add NAME HOST                   serve the app under HOST too (admin); point HOST's DNS at this Berth
  domains:remove NAME HOST                stop serving the app under HOST (admin)`;

type DomainCommand = (ctx: RuntimeCommandContext) => Promise<number>;

/** Custom domains are plain HTTP on the router's port: say so where users add them. */
const HTTP_ONLY = "Served over plain HTTP on the router's port; for HTTPS put a TLS-terminating proxy or load balancer in front of Berth.";

export const domainCommands: Record<string, DomainCommand> = {
  async domains(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const { client, tenant } = ctx.connect();
    const domains = await client.domains.list.query({ tenant, app });
    if (ctx.args.flags.json) return ctx.out.out(JSON.stringify(domains, null, 2)), 0;
    if (!domains.length) {
      ctx.out.out(`${app} has no custom domains. \`berth domains:add ${app} www.example.com\` adds one.`);
      return 0;
    }
    for (const line of table([["HOSTNAME", "URL", "ADDED"], ...domains.map((d) => [d.hostname, d.url, when(d.createdAt)])])) ctx.out.out(line);
    return 0;
  },

  async "domains:add"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const hostname = requirePositional(ctx.args.positionals, 1, "the hostname (e.g. www.example.com)");
    const { client, tenant } = ctx.connect();
    const added = await client.domains.add.mutate({ tenant, app, hostname });
    if (ctx.args.flags.json) return ctx.out.out(JSON.stringify(added, null, 2)), 0;
    ctx.out.out(`${app} is now also served at ${added.url} whenever it runs (point ${added.hostname}'s DNS at this Berth).`);
    ctx.out.out(HTTP_ONLY);
    return 0;
  },

  async "domains:remove"(ctx) {
    const app = requirePositional(ctx.args.positionals, 0, "the app name");
    const hostname = requirePositional(ctx.args.positionals, 1, "the hostname to remove");
    const { client, tenant } = ctx.connect();
    const removed = await client.domains.remove.mutate({ tenant, app, hostname });
    if (ctx.args.flags.json) return ctx.out.out(JSON.stringify(removed, null, 2)), 0;
    ctx.out.out(`Removed ${removed.hostname} from ${app}: the router no longer serves it.`);
    return 0;
  },
};
