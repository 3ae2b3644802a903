import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ADMIN_LISTEN, ADMIN_ORIGIN, caddyConfig, NO_SUCH_APP_HEADER, NO_SUCH_APP_VALUE } from "../src/caddy-config";
import { routeTableFromCaddy } from "../src/read-route-table";
import { EMPTY_ROUTE_TABLE } from "../src/route-table";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking Caddy's untyped JSON in assertions

const server = (cfg: Json) => cfg.apps.http.servers.berth;

describe("caddyConfig", () => {
  test("an empty table gives an admin API on a unix socket (no network listener) and a :80 server", () => {
    const cfg: Json = caddyConfig(EMPTY_ROUTE_TABLE);
    assert.equal(cfg.admin.listen, ADMIN_LISTEN);
    assert.match(cfg.admin.listen, /^unix\//, "the admin API never listens on a network interface");
    assert.equal(cfg.admin.config.persist, true);
    assert.deepEqual(cfg.admin.origins, [ADMIN_ORIGIN], "only requests naming the admin origin are served");
    assert.deepEqual(server(cfg).listen, [":80"]);
    assert.deepEqual(server(cfg).automatic_https, { disable: true });
    assert.equal(server(cfg).routes.length, 1);
  });

  test("unknown hosts get a branded 404 that names the host and the next step", () => {
    const fallback = server(caddyConfig(EMPTY_ROUTE_TABLE)).routes.at(-1);
    assert.equal(fallback.match, undefined, "the fallback matches every request");
    const handler = fallback.handle[0];
    assert.equal(handler.handler, "static_response");
    assert.equal(handler.status_code, 404);
    assert.deepEqual(handler.headers[NO_SUCH_APP_HEADER], [NO_SUCH_APP_VALUE]);
    assert.match(handler.headers["Content-Type"][0], /text\/html/);
    assert.match(handler.body, /No such app/);
    assert.match(handler.body, /\{http\.request\.host\}/);
    assert.match(handler.body, /berth apps/);
  });

  test("routes become host-matched reverse proxies ahead of the fallback, in a stable order", () => {
    const table = {
      routes: [
        { id: "b-app", hosts: ["web.acme.example.com"], upstreams: [{ dial: "b-app:8080" }] },
        { id: "a-app", hosts: ["z.example.com", "api.acme.example.com"], upstreams: [{ dial: "a-app:3000" }, { dial: "a-app-2:3000" }] },
      ],
    };
    const routes = server(caddyConfig(table)).routes;
    assert.equal(routes.length, 3);
    assert.equal(routes[0]["@id"], "app-a-app");
    assert.deepEqual(routes[0].match, [{ host: ["api.acme.example.com", "z.example.com"] }]);
    assert.deepEqual(routes[0].handle[0], {
      handler: "reverse_proxy",
      upstreams: [{ dial: "a-app:3000" }, { dial: "a-app-2:3000" }],
      load_balancing: { try_duration: "5s", try_interval: "250ms" },
    });
    assert.equal(routes[1]["@id"], "app-b-app");
    assert.equal(routes[2]["@id"], "no-such-app");
    assert.deepEqual(caddyConfig(table), caddyConfig({ routes: [...table.routes].reverse() }), "input order does not matter");
  });

  test("a service name resolved to each address becomes DNS-discovered upstreams, spread round robin, and reads back the same", () => {
    const table = { routes: [{ id: "svc", hosts: ["svc.acme.example.com"], upstreams: [{ dial: "berth-app-x-web:5000", eachAddress: true }] }] };
    const cfg: Json = caddyConfig(table);
    const handler = server(cfg).routes[0].handle[0];
    assert.deepEqual(handler.dynamic_upstreams, { source: "a", name: "berth-app-x-web", port: "5000", refresh: "50ms" });
    assert.equal(handler.upstreams, undefined);
    assert.equal(handler.load_balancing.selection_policy.policy, "round_robin");
    assert.deepEqual(routeTableFromCaddy(cfg), table);
    assert.throws(() => caddyConfig({ routes: [{ id: "x", hosts: ["ok.example"], upstreams: [{ dial: "a:1", eachAddress: true }, { dial: "b:1" }] }] }));
  });

  test("a stopped app's hosts answer 503 'stopped' at once, and read back as stopped", () => {
    const table = { routes: [{ id: "off", hosts: ["off.acme.example.com"], upstreams: [], stopped: true }] };
    const cfg: Json = caddyConfig(table);
    const handler = server(cfg).routes[0].handle[0];
    assert.equal(handler.handler, "static_response");
    assert.equal(handler.status_code, 503);
    assert.deepEqual(handler.headers[NO_SUCH_APP_HEADER], ["app-stopped"]);
    assert.deepEqual(routeTableFromCaddy(cfg), table);
    assert.throws(() => caddyConfig({ routes: [{ id: "x", hosts: ["ok.example"], upstreams: [] }] }), /unless its app is stopped/);
  });

  test("invalid hosts and upstreams are refused before they reach Caddy", () => {
    assert.throws(() => caddyConfig({ routes: [{ id: "x", hosts: ["Bad Host"], upstreams: [{ dial: "x:1" }] }] }));
    assert.throws(() => caddyConfig({ routes: [{ id: "x", hosts: ["ok.example"], upstreams: [{ dial: "no-port" }] }] }));
    assert.throws(() => caddyConfig({ routes: [{ id: "x", hosts: [], upstreams: [{ dial: "x:1" }] }] }));
  });
});
