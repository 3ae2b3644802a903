import assert from "node:assert/strict";
import { test } from "node:test";
import { parseGetentHosts } from "./router-dns";

test("getent's lines become each IPv4 address once", () => {
  const text = ["10.0.7.5       STREAM berth-app-x-web", "10.0.7.5       DGRAM  ", "10.0.7.5       RAW    ", "10.0.7.4       STREAM ", "10.0.7.4       DGRAM  ", ""].join("\n");
  assert.deepEqual(parseGetentHosts(text), ["10.0.7.4", "10.0.7.5"]);
  assert.deepEqual(parseGetentHosts(""), []);
});
