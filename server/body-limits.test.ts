import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { limitRequestBody, SERVER_ACTION_MAX_BYTES } from "./body-limits";

/** What the application behind the gate saw: whether it ran, and how many body bytes it read. */
let seen: { ran: boolean; bytes: number };
let server: Server;
let port: number;

beforeAll(async () => {
  // The production server's order: the gate, then the application (here one that reads the whole body, as Next does).
  server = createServer(async (req, res) => {
    if (limitRequestBody(req, res)) return;
    seen.ran = true;
    for await (const chunk of req) seen.bytes += (chunk as Buffer).byteLength;
    if (!res.headersSent) res.writeHead(200).end(String(seen.bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = { ran: false, bytes: 0 };
});

type Answer = { status?: number; type?: string; language?: string; body: string; error?: string };

/** Sends `total` bytes in 64 KiB chunks, declared up front (Content-Length) or streamed (chunked). */
function send(
  path: string,
  total: number,
  opts: { declared: boolean; headers?: Record<string, string> },
): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {
      "Content-Type": "application/json",
      ...opts.headers,
    };
    if (opts.declared) headers["Content-Length"] = total;
    const req = request({ port, host: "127.0.0.1", method: "POST", path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () =>
        resolve({
          status: res.statusCode,
          type: res.headers["content-type"],
          language: res.headers["content-language"],
          body,
        }),
      );
    });
    req.on("error", (error) => resolve({ body: "", error: error.message }));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("request bodies over the limit are refused before the application reads them", () => {
  it("an API POST declaring more than MAX_BODY_BYTES: 413 problem+json, the handler never runs", async () => {
    const answer = await send("/api/v1/customers/batch", MAX_BODY_BYTES + 1, { declared: true });
    expect(answer.status).toBe(413);
    expect(answer.type).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({
      type: "urn:privacy-desk:problem:too-large",
      status: 413,
    });
    expect(seen.ran).toBe(false);
  });

  it("a chunked API body that grows past the limit: 413 problem+json, the handler reads no more than the limit", async () => {
    const answer = await send("/api/v1/customers/batch", MAX_BODY_BYTES * 3, { declared: false });
    expect(answer.status).toBe(413);
    expect(answer.type).toBe("application/problem+json");
    expect(seen.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it("an API body within the limit, declared or streamed, reaches the handler whole", async () => {
    expect(await send("/api/v1/customers/batch", MAX_BODY_BYTES, { declared: true })).toMatchObject(
      { status: 200, body: String(MAX_BODY_BYTES) },
    );
    seen = { ran: false, bytes: 0 };
    expect(
      await send("/api/v1/customers/batch", MAX_BODY_BYTES, { declared: false }),
    ).toMatchObject({ status: 200, body: String(MAX_BODY_BYTES) });
  });

  it("a 100 MB upload to the console: 413 with the message in the person's language, nothing read", async () => {
    const total = 100 * 1024 * 1024;
    const en = await send("/customers/import", total, {
      declared: true,
      headers: { Cookie: "a=b; pd_locale=en", "Next-Action": "x" },
    });
    expect(en).toMatchObject({ status: 413, language: "en" });
    expect(en.body).toContain("too large");
    expect(seen.ran).toBe(false);
    const zh = await send("/customers/import", total, {
      declared: true,
      headers: { "Accept-Language": "zh-CN,zh;q=0.9" },
    });
    expect(zh).toMatchObject({ status: 413, language: "zh-CN" });
    expect(zh.body).toContain("过大");
  });

  it("a chunked console upload past the server-action limit: 413, cut off at the limit", async () => {
    const answer = await send("/customers/import", SERVER_ACTION_MAX_BYTES + 1024 * 1024, {
      declared: false,
      headers: { Cookie: "pd_locale=en" },
    });
    expect(answer).toMatchObject({ status: 413, language: "en" });
    expect(seen.bytes).toBeLessThanOrEqual(SERVER_ACTION_MAX_BYTES);
  });

  it("Next's own server-action limit (next.config.mjs) is the same as the gate's", async () => {
    // @ts-expect-error next.config.mjs is plain JavaScript, without types
    const { default: nextConfig } = (await import("@/next.config.mjs")) as { default: NextConfig };
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe(`${SERVER_ACTION_MAX_BYTES / 1024 / 1024}mb`);
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(limit);
  });
});
