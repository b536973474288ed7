import { request as httpRequest } from "node:http";
import { randomInt } from "node:crypto";
import { expect, test } from "./fixtures";

/**
 * The sign-in throttle counts per client address, and with no proxy in front (TRUSTED_PROXY_HOPS
 * unset) that is the connection's own address: an X-Forwarded-For the client writes picks no new
 * bucket. Each client here connects from an address of its own in 127.0.0.0/8 (Linux answers for
 * the whole block on loopback), so the buckets it fills are its own and no other test's.
 */
const loopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

function send(
  baseURL: string,
  from: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const url = new URL(path, baseURL);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? "GET",
        headers: init.headers,
        localAddress: from,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** One sign-in attempt for an unknown address through next-auth's own endpoint; the failure's code. */
async function attempt(baseURL: string, from: string, forwardedFor: string): Promise<string> {
  const csrf = await send(baseURL, from, "/api/auth/csrf", {
    headers: { "X-Forwarded-For": forwardedFor },
  });
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = new URLSearchParams({
    csrfToken: JSON.parse(csrf.body).csrfToken,
    email: `nobody-${randomInt(1e9)}@spoof.example`,
    password: "not-the-password",
    json: "true",
  });
  const answer = await send(baseURL, from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookie,
      Origin: new URL(baseURL).origin,
      "X-Forwarded-For": forwardedFor,
    },
    body: body.toString(),
  });
  return (
    /error=(\w+)/.exec(`${answer.headers.location ?? ""} ${answer.body}`)?.[1] ??
    `status ${answer.status}`
  );
}

test("a spoofed X-Forwarded-For does not get a fresh sign-in throttle bucket", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const client = loopback();
  const codes: string[] = [];
  // The per-address limit is 30 attempts in 5 minutes; every attempt claims another address.
  for (let i = 0; i < 40 && codes.at(-1) !== "throttled"; i++)
    codes.push(await attempt(baseURL!, client, `198.51.100.${i + 1}`));
  expect(codes[0]).toBe("invalid");
  expect(codes.at(-1)).toBe("throttled");
  expect(await attempt(baseURL!, client, "203.0.113.99")).toBe("throttled");
  // Another client is counted on its own.
  expect(await attempt(baseURL!, loopback(), "198.51.100.1")).toBe("invalid");
});
