import assert from "node:assert/strict";
import { test } from "node:test";
import { parseArgs, parseAssignments, parseVersion, UsageError } from "./args";
import { resolveSettings } from "./cli-config";
import { credentialHelperCommand, parseCredentialRequest } from "./git-remote";

test("commands, positionals and flags in any order", () => {
  assert.deepEqual(parseArgs(["config:set", "--tenant", "acme", "hello", "A=1", "--json", "B=x=y"]), {
    command: "config:set",
    positionals: ["hello", "A=1", "B=x=y"],
    flags: { tenant: "acme", json: true },
  });
  assert.deepEqual(parseArgs(["login", "--api-url=http://h:3000", "--token", "berth_x"]).flags, { "api-url": "http://h:3000", token: "berth_x" });
  assert.deepEqual(parseArgs(["config:set", "app", "--", "--WEIRD=1"]).positionals, ["app", "--WEIRD=1"]);
  assert.equal(parseArgs([]).command, null);
  assert.throws(() => parseArgs(["apps", "--token"]), UsageError);
  assert.throws(() => parseArgs(["apps", "--tenant", "--json"]), UsageError);
});

test("KEY=VALUE assignments keep everything after the first =", () => {
  assert.deepEqual(parseAssignments(["A=1", "URL=postgres://u:p@h/db?x=1", "EMPTY="]), { A: "1", URL: "postgres://u:p@h/db?x=1", EMPTY: "" });
  assert.throws(() => parseAssignments(["NOEQUALS"]), UsageError);
  assert.throws(() => parseAssignments(["=v"]), UsageError);
  assert.throws(() => parseAssignments([]), UsageError);
});

test("versions are vN or N", () => {
  assert.equal(parseVersion("v3"), 3);
  assert.equal(parseVersion("12"), 12);
  for (const bad of ["v0", "x", "", undefined, "v1.2", "-1"]) assert.throws(() => parseVersion(bad), UsageError, String(bad));
});

test("flags override the environment, which overrides the config file", () => {
  const file = { apiUrl: "http://file", token: "berth_file", tenant: "filet" };
  assert.deepEqual(resolveSettings({}, {}, file), { apiUrl: "http://file", token: "berth_file", tenant: "filet" });
  assert.deepEqual(resolveSettings({}, { BERTH_API_URL: "http://env/", BERTH_TOKEN: "berth_env", BERTH_TENANT: "envt" }, file), {
    apiUrl: "http://env",
    token: "berth_env",
    tenant: "envt",
  });
  assert.deepEqual(resolveSettings({ apiUrl: "http://flag", token: "berth_flag", tenant: "flagt" }, { BERTH_TOKEN: "berth_env" }, file), {
    apiUrl: "http://flag",
    token: "berth_flag",
    tenant: "flagt",
  });
  assert.equal(resolveSettings({}, {}, {}).tenant, "main");
});

test("git's credential protocol and the helper command", () => {
  assert.deepEqual(parseCredentialRequest("protocol=http\nhost=localhost:3000\n\nignored=1\n"), { protocol: "http", host: "localhost:3000" });
  assert.equal(credentialHelperCommand("/opt/my berth/bin/berth.js"), "!'/opt/my berth/bin/berth.js' git:credential");
  assert.equal(credentialHelperCommand("/a'b/berth.js"), "!'/a'\\''b/berth.js' git:credential");
});
