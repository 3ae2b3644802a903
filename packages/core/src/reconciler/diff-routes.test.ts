import assert from "node:assert/strict";
import { test } from "node:test";
import { diffRoutes } from "./diff-routes";

const route = (id: string, host: string, dial: string) => ({ id, hosts: [host], upstreams: [{ dial }] });

test("equal tables have no drift, whatever the order", () => {
  const a = { routes: [route("a", "a.t.localhost", "svc-a:5000"), route("b", "b.t.localhost", "svc-b:5000")] };
  const b = { routes: [...a.routes].reverse() };
  assert.deepEqual(diffRoutes(a, b), []);
});

test("a missing route, a route pointing elsewhere and a route of no routed app are all reported", () => {
  const expected = { routes: [route("a", "a.t.localhost", "svc-a:5000"), route("b", "b.t.localhost", "svc-b:5000")] };
  const actual = { routes: [route("b", "b.t.localhost", "svc-old:5000"), route("gone", "gone.t.localhost", "svc-gone:5000")] };
  const drift = diffRoutes(expected, actual).map((d) => `${d.appId}:${d.kind}`).sort();
  assert.deepEqual(drift, ["a:route-missing", "b:route-stale", "gone:route-stale"]);
});
