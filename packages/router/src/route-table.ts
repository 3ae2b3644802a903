import { z } from "zod";

/**
 * What the rest of Berth hands the router: which hosts go to which upstreams. It names no proxy
 * concept, so the proxy behind it (Caddy today) can change without touching callers.
 */
const hostname = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, "must be a lower-case DNS name");

export const ZUpstream = z.object({
  /** `host:port` reachable from the router, e.g. a task's DNS name on the tenant network. */
  dial: z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, "must be host:port"),
  /**
   * The name stands for many instances (a Swarm service in dnsrr mode): every address it resolves
   * to is an upstream of its own, looked up again every second, and requests are spread over them.
   * Without it, one name is one upstream and pooled connections pin traffic to one instance.
   */
  eachAddress: z.boolean().optional(),
});

export const ZRoute = z
  .object({
    /** Stable identity of the route (the app id), used for ordering and in the router's config. */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    hosts: z.array(hostname).min(1),
    /** Empty only for a stopped app. */
    upstreams: z.array(ZUpstream),
    /** The app runs no instances on purpose: its hosts answer 503 "stopped" at once instead of waiting for an upstream. */
    stopped: z.boolean().optional(),
  })
  .refine((r) => r.upstreams.length === 1 || !r.upstreams.some((u) => u.eachAddress), "an upstream resolved to each address must be the route's only one")
  .refine((r) => (r.stopped ? r.upstreams.length === 0 : r.upstreams.length > 0), "a route has upstreams unless its app is stopped, and then none");

export const ZRouteTable = z.object({ routes: z.array(ZRoute) });

export type TUpstream = z.infer<typeof ZUpstream>;
export type TRoute = z.infer<typeof ZRoute>;
export type TRouteTable = z.infer<typeof ZRouteTable>;

/** Until apps exist, the router only answers "no such app". */
export const EMPTY_ROUTE_TABLE: TRouteTable = { routes: [] };
