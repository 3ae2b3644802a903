import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { recipeFor } from "../src/recipes";
import { IMAGE_CA_BUNDLE, readTrustedCas } from "../src/trusted-cas";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("trusted CAs in base images", () => {
  test("only PEM .crt files of the host's folder are taken, and a missing folder is none", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "berth-cas-"));
    try {
      writeFileSync(path.join(dir, "proxy.crt"), PEM);
      writeFileSync(path.join(dir, "notes.txt"), PEM);
      writeFileSync(path.join(dir, "empty.crt"), "");
      assert.deepEqual(Object.keys(readTrustedCas(dir)), ["ca-certificates/proxy.crt"]);
      assert.deepEqual(readTrustedCas(path.join(dir, "missing")), {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("with CAs, images copy them into the trust store and point Node and pip at the system bundle", () => {
    const cas = { "ca-certificates/proxy.crt": PEM };
    const node = recipeFor("node", "berth/debian:bookworm", cas);
    assert.match(node.dockerfile, /^COPY ca-certificates\/ \/usr\/local\/share\/ca-certificates\/berth\/$/m);
    assert.match(node.dockerfile, /update-ca-certificates/);
    assert.match(node.dockerfile, new RegExp(`NODE_EXTRA_CA_CERTS=${IMAGE_CA_BUNDLE}`));
    assert.equal(node.files["ca-certificates/proxy.crt"], PEM);
    assert.match(recipeFor("python", "berth/debian:bookworm", cas).dockerfile, /PIP_CERT=/);
  });

  test("without CAs nothing is copied, and the recipe digest tells the two apart", () => {
    const plain = recipeFor("go", "berth/debian:bookworm", {});
    assert.doesNotMatch(plain.dockerfile, /COPY ca-certificates/);
    assert.doesNotMatch(plain.dockerfile, /update-ca-certificates/);
    const withCa = recipeFor("go", "berth/debian:bookworm", { "ca-certificates/proxy.crt": PEM });
    assert.notEqual(plain.digest, withCa.digest, "a new CA makes present images stale");
    assert.equal(recipeFor("go", "berth/debian:bookworm", {}).digest, plain.digest, "the digest is stable");
  });
});
