import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors/app-error";

/**
 * Config vars at rest: AES-256-GCM under the installation's key (BERTH_CONFIG_KEY, 32 bytes in
 * base64, generated once by bring-up). A stored value is `v1:<iv>:<tag>:<ciphertext>` (base64),
 * so the format can change later without guessing. Anything without the prefix is a value written
 * before encryption existed: it is read as plain text and encrypted again on the next write.
 */
const PREFIX = "v1:";
const IV_BYTES = 12;

export type ConfigKey = Buffer;

/** The parsed key; a missing or malformed key stops the caller instead of storing plain text. */
export function parseConfigKey(base64: string): ConfigKey {
  const key = Buffer.from(base64 ?? "", "base64");
  if (key.length !== 32) {
    throw new AppError("INTERNAL", {
      message: "BERTH_CONFIG_KEY must be 32 bytes in base64 (bring-up writes it into berth.env); config vars cannot be read or written without it",
    });
  }
  return key;
}

const cache = new Map<string, ConfigKey>();
/** The key from the parsed configuration, parsed once per process. */
export function configKeyOf(config: { configKey: string }): ConfigKey {
  let key = cache.get(config.configKey);
  if (!key) {
    key = parseConfigKey(config.configKey);
    cache.set(config.configKey, key);
  }
  return key;
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function encryptValue(key: ConfigKey, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${data.toString("base64")}`;
}

export function decryptValue(key: ConfigKey, stored: string): string {
  if (!isEncrypted(stored)) return stored; // legacy plain text, re-encrypted on the next write
  const [iv, tag, data] = stored.slice(PREFIX.length).split(":");
  if (iv === undefined || tag === undefined || data === undefined) {
    throw new AppError("INTERNAL", { message: "a stored config value is malformed (v1 prefix without iv:tag:data)" });
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new AppError("INTERNAL", { message: "a stored config value does not decrypt with BERTH_CONFIG_KEY (was the key replaced?)", cause });
  }
}

/** key → value maps (Release.config, Deployment.config): the keys stay readable, the values are encrypted. */
export function encryptConfigMap(key: ConfigKey, config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, encryptValue(key, v)]));
}

/** Reads a JSON key → value column defensively (anything but strings is dropped) and decrypts it. */
export function decryptConfigMap(key: ConfigKey, value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === "string") out[k] = decryptValue(key, v);
  return out;
}
