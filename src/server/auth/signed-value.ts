import { createHmac, timingSafeEqual } from "node:crypto";

/** `value.signature` (HMAC-SHA256, base64url): the server can tell its own values from forged ones. */
export function signValue(value: string, secret: string): string {
  return `${value}.${mac(value, secret)}`;
}

/** The value when the signature is the server's; `undefined` for anything else. */
export function verifyValue(signed: string, secret: string): string | undefined {
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(value, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
}

export function mac(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}
