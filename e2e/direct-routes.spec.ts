import type { APIRequestContext, Page } from "@playwright/test";
import t from "../messages/zh-CN/api.json" with { type: "json" };
import { expect, signInAs, test } from "./fixtures";

// e2e/server.ts serves the production server on the base port and Next alone on the port after it.
const run = Date.now().toString(36);

async function createKey(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/settings/api");
  await page.getByRole("textbox", { name: t.fields.name }).fill(name);
  for (const scope of scopes)
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await page.getByRole("button", { name: t.create.submit }).click();
  const token = (await page.getByTestId("api-token").textContent())!.trim();
  await page.getByRole("button", { name: t.token.done }).click();
  return token;
}

/** Status, headers and body as sent; Date is the time of sending. */
async function answer(
  request: APIRequestContext,
  url: string,
  method: "GET" | "HEAD",
  token?: string,
) {
  const response = await request.fetch(url, {
    method,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    maxRedirects: 0,
  });
  const headers = Object.fromEntries(
    response.headersArray().map(({ name, value }) => [name.toLowerCase(), value]),
  );
  delete headers.date;
  return { status: response.status(), headers, body: await response.text() };
}

test("the production server answers the consent check exactly as Next's route does", async ({
  page,
  request,
  baseURL,
}) => {
  await signInAs(page, "owner");
  const reader = await createKey(page, `E2E 直连核验 ${run}`, ["consent:read"]);
  const other = await createKey(page, `E2E 无同意权限 ${run}`, ["customers:read"]);
  const direct = new URL(baseURL!);
  const nextAlone = new URL(baseURL!);
  nextAlone.port = String(Number(direct.port) + 1);

  // `direct`: answered by the production server itself; the others it leaves to Next.
  const cases: {
    path: string;
    method?: "GET" | "HEAD";
    token?: string;
    status: number;
    direct: boolean;
  }[] = [
    {
      path: "/api/v1/customers/u-10001/consents/account_transactions/check",
      token: reader,
      status: 200,
      direct: true,
    },
    {
      path: "/api/v1/customers/u-10001/consents/marketing_sms/check?channel=sms",
      token: reader,
      status: 200,
      direct: true,
    },
    {
      path: "/api/v1/customers/u-10001/consents/no_such_purpose/check",
      token: reader,
      status: 200,
      direct: true,
    },
    {
      path: "/api/v1/customers/%E5%BC%A0%E4%BC%9F/consents/marketing_sms/check",
      token: reader,
      status: 200,
      direct: true,
    },
    { path: "/api/v1/customers/u-10001/consents/marketing_sms/check", status: 401, direct: true },
    {
      path: "/api/v1/customers/u-10001/consents/marketing_sms/check",
      token: `${reader.slice(0, -4)}AAAA`,
      status: 401,
      direct: true,
    },
    {
      path: "/api/v1/customers/u-10001/consents/marketing_sms/check",
      token: other,
      status: 403,
      direct: true,
    },
    {
      path: "/api/v1/customers/%E0%A4%A/consents/marketing_sms/check",
      token: reader,
      status: 500,
      direct: false,
    }, // Next's own answer to a malformed escape
    {
      path: "/api/v1/customers/u-10001/consents/marketing_sms/check/",
      token: reader,
      status: 308,
      direct: false,
    },
    {
      path: "/api/v1/customers/u-10001/consents/account_transactions/check",
      method: "HEAD",
      token: reader,
      status: 200,
      direct: false,
    },
  ];
  for (const { path, method = "GET", token, status, direct: answeredDirectly } of cases) {
    const label = `${method} ${path}`;
    const fromProduction = await answer(request, new URL(path, direct).href, method, token);
    const fromNext = await answer(request, new URL(path, nextAlone).href, method, token);
    expect(fromProduction.status, label).toBe(status);
    // Only the production server names each request (server/request-observer.ts).
    expect(fromProduction.headers["x-request-id"], label).toMatch(/^[0-9a-f-]{36}$/);
    delete fromProduction.headers["x-request-id"];
    if (answeredDirectly) {
      // Next marks every app-router answer as varying with its client router's request headers;
      // an API answer that is never stored (Cache-Control: no-store) has no use for it.
      expect(fromNext.headers.vary, label).toMatch(/^rsc, next-router-state-tree/);
      expect(fromProduction.headers.vary, label).toBeUndefined();
      delete fromNext.headers.vary;
    }
    expect(fromProduction, label).toEqual(fromNext);
  }
  expect(
    JSON.parse((await answer(request, new URL(cases[0].path, direct).href, "GET", reader)).body),
  ).toEqual({
    allowed: true,
    reason: "not_required_consent",
    law: "PIPL",
    article: "PIPL Art. 13(1)(2)",
  });
});
