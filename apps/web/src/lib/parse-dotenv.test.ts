import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDotenv } from "./parse-dotenv";

test("KEY=value lines, export prefixes, quotes and comments", () => {
  const { vars, bad } = parseDotenv(['# a comment', "", "GREETING=hello world", 'export TOKEN="a b # not a comment"', "SINGLE='x=y'", "PORTLESS=1 # trailing", 'MULTI="one\\ntwo"'].join("\n"));
  assert.deepEqual(vars, { GREETING: "hello world", TOKEN: "a b # not a comment", SINGLE: "x=y", PORTLESS: "1", MULTI: "one\ntwo" });
  assert.deepEqual(bad, []);
});

test("lines it cannot read are reported with their line number", () => {
  const { vars, bad } = parseDotenv("OK=1\nnot a var\n1BAD=2");
  assert.deepEqual(vars, { OK: "1" });
  assert.deepEqual(bad.map((b) => b.line), [2, 3]);
});
