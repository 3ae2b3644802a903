import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "../errors/app-error";
import { normalizeHostname } from "./hostname";

const BASE = "localhost";

function refusal(input: string): string {
  try {
    normalizeHostname(input, BASE);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, "INVALID_INPUT");
    return error.userMessage;
  }
  assert.fail(`${input} was accepted`);
}

test("hostnames are lower-cased and lose a trailing dot", () => {
  assert.equal(normalizeHostname("  WWW.Example.COM. ", BASE), "www.example.com");
  assert.equal(normalizeHostname("a-b.c1.example.org", BASE), "a-b.c1.example.org");
});

test("label and total lengths follow DNS", () => {
  const label63 = "a".repeat(63);
  assert.equal(normalizeHostname(`${label63}.com`, BASE), `${label63}.com`);
  assert.match(refusal(`${"a".repeat(64)}.com`), /at most 63/);
  const long = `${Array.from({ length: 4 }, () => label63).join(".")}.com`; // 4*64+3 = 259
  assert.match(refusal(long), /at most 253/);
});

test("malformed names are refused with what to do", () => {
  assert.match(refusal(""), /Enter a hostname/);
  assert.match(refusal("intranet"), /single name/);
  assert.match(refusal("-bad.example.com"), /not a valid part/);
  assert.match(refusal("bad_.example.com"), /not a valid part/);
  assert.match(refusal("a..example.com"), /empty parts/);
  assert.match(refusal("https://www.example.com"), /without "http:\/\/"/);
  assert.match(refusal("www.example.com/path"), /without "http:\/\/"/);
});

test("wildcards and IP addresses are refused", () => {
  assert.match(refusal("*.example.com"), /Wildcard/);
  assert.match(refusal("10.0.0.1"), /IP address/);
  assert.match(refusal("::1"), /IP address/);
  assert.match(refusal("[2001:db8::1]"), /IP address/);
  assert.match(refusal("example.123"), /top-level domain/);
});

test("the platform's own app namespace cannot be claimed", () => {
  assert.match(refusal("web.other-tenant.localhost"), /Berth's own app addresses/);
  assert.match(refusal("localhost."), /Berth's own|single name/);
  assert.match(refusal("WEB.Other.LOCALHOST"), /Berth's own app addresses/);
  assert.equal(normalizeHostname("notlocalhost.com", BASE), "notlocalhost.com");
});
