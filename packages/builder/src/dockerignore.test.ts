import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDockerignore } from "./dockerignore";

test("dockerignore patterns as the docker CLI applies them", () => {
  const ignored = parseDockerignore(["# comment", ".git", "node_modules", "**/.*", "*.log", "/build/", "docs/**/*.md", "!docs/keep.md", "!.well-known"].join("\n"));
  const yes = [".git/HEAD", "node_modules/ms/index.js", ".env", "public/.secret", "a/b/.hidden/x", "debug.log", "build/out.js", "docs/a/b.md"];
  const no = ["index.html", "public/index.html", "sub/debug.log", "src/build/x.js", "docs/keep.md", ".well-known/x", "logs.txt"];
  for (const p of yes) assert.equal(ignored(p), true, `${p} is ignored`);
  for (const p of no) assert.equal(ignored(p), false, `${p} is kept`);
});
