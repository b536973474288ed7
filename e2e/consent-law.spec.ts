import type { APIRequestContext, Browser, Page } from "@playwright/test";
import api from "../messages/zh-CN/api.json" with { type: "json" };
import consentEn from "../messages/en/consent.json" with { type: "json" };
import consentZh from "../messages/zh-CN/consent.json" with { type: "json" };
import en from "../messages/en/portal.json" with { type: "json" };
import zh from "../messages/zh-CN/portal.json" with { type: "json" };
import f from "../messages/zh-CN/fulfilment.json" with { type: "json" };
import r from "../messages/zh-CN/requests.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";
import { codeFromOutbox } from "./outbox";
import { enterVerifiedRequest } from "./request-intake";

/*
 * The same purpose, sale_share_ads (device identifiers and behaviour to ad partners), decided by
 * each customer's law: a PIPL customer is denied until they grant it (separate consent), a CCPA
 * customer is allowed until they opt out (or their browser's GPC signal does). The check endpoint,
 * the preference centre and the console say the same, with the law and article.
 */
const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-8);
const PREFERENCES = "/p/demo/preferences";
const cn = {
  ref: `e2e-law-cn-${run}`,
  name: "测试甲",
  phone: `+86138${digits}`,
  typed: `138${digits}`,
  masked: `138****${digits.slice(-4)}`,
};
const ca = {
  ref: `e2e-law-ca-${run}`,
  name: "Casey Law",
  phone: `+1415${digits.slice(-7)}`,
  typed: `+1415${digits.slice(-7)}`,
  masked: `+*******${digits.slice(-4)}`,
};
/** A Californian who asks, by phone, to opt out of sale and sharing. */
const caller = { ref: `e2e-law-oo-${run}`, name: "Riley Optout" };

test.describe.configure({ mode: "serial" });

let officer: Page;
let token = "";
test.beforeAll(async ({ browser, request }) => {
  officer = await (await browser.newContext()).newPage();
  await signInAs(officer, "dpo");
  token = await platformKey(browser);
  const pushed = await request.post("/api/v1/customers/batch", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      items: [
        {
          externalRef: cn.ref,
          displayName: cn.name,
          phone: cn.phone,
          laws: ["PIPL"],
          region: "CN-SH",
        },
        {
          externalRef: ca.ref,
          displayName: ca.name,
          phone: ca.phone,
          laws: ["CCPA"],
          region: "US-CA",
        },
        { externalRef: caller.ref, displayName: caller.name, laws: ["CCPA"], region: "US-CA" },
      ],
    },
  });
  expect(pushed.status()).toBe(200);
});
test.afterAll(() => officer.context().close());

/** A key the platform's backend would hold: push customers, read consent. */
async function platformKey(browser: Browser): Promise<string> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "owner");
  await page.goto("/settings/api");
  await page.getByRole("textbox", { name: api.fields.name }).fill(`E2E 按法律判定 ${run}`);
  for (const scope of ["customers:write", "consent:read"])
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await page.getByRole("button", { name: api.create.submit }).click();
  const key = ((await page.getByTestId("api-token").textContent()) ?? "").trim();
  await page.context().close();
  return key;
}

const check = async (request: APIRequestContext, ref: string) =>
  (
    await request.get(`/api/v1/customers/${ref}/consents/sale_share_ads/check`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();

/** Proves who the customer is with a code read off the outbox, and opens their choices. */
async function signInToPreferences(page: Page, t: typeof zh, who: typeof cn) {
  await page.goto(PREFERENCES);
  await page.getByRole("textbox", { name: t.identity.request.phone }).fill(who.typed);
  await page.getByRole("button", { name: t.identity.request.submit }).click();
  await expect(page.getByText(t.identity.verify.sent)).toBeVisible();
  await page
    .getByRole("textbox", { name: t.identity.verify.code })
    .fill(await codeFromOutbox(officer, who.masked));
  await page.getByRole("button", { name: t.identity.verify.submit }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: t.preferences.center.heading }),
  ).toBeVisible();
}

const setLocale = (page: Page, locale: "zh-CN" | "en") =>
  page
    .context()
    .addCookies([{ name: "pd_locale", value: locale, url: test.info().project.use.baseURL! }]);

/** The page in both languages for its screenshots, ending in `back`. */
async function snapBoth(page: Page, name: string, back: "zh-CN" | "en") {
  for (const locale of back === "zh-CN" ? (["en", "zh-CN"] as const) : (["zh-CN", "en"] as const)) {
    await setLocale(page, locale);
    await page.reload();
    await snap(page, `${name}-${locale === "en" ? "en" : "zh"}`);
  }
}

test("a PIPL customer is denied sharing for ads until they grant it, in the check and the preference centre", async ({
  page,
  request,
}) => {
  expect(await check(request, cn.ref)).toEqual({
    allowed: false,
    reason: "not_granted",
    law: "PIPL",
    article: "PIPL Art. 14(1)",
  });

  await setLocale(page, "zh-CN");
  await signInToPreferences(page, zh, cn);
  const card = page.getByTestId("purpose-sale_share_ads");
  await expect(card.getByTestId("purpose-status")).toHaveText(zh.preferences.status.none);
  // PIPL's words: separate consent and withdrawal (Arts. 14, 15); never an opt-out, never legitimate interests.
  await expect(card.getByTestId("purpose-explanation")).toContainText("第十四条");
  await expect(page.getByRole("button", { name: zh.preferences.buttons.optOut })).toHaveCount(0);
  await expect(page.getByText("正当利益")).toHaveCount(0);
  await expect(page.getByText("第四十四条").first()).toBeVisible();
  await snapBoth(page, "consent-law-pipl-denied", "zh-CN");

  await card.getByRole("button", { name: zh.preferences.buttons.grant }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(zh.preferences.status.granted);
  expect(await check(request, cn.ref)).toEqual({
    allowed: true,
    reason: "granted",
    law: "PIPL",
    article: "PIPL Art. 14(1)",
  });
  await snapBoth(page, "consent-law-pipl-granted", "zh-CN");
});

test("a CCPA customer is allowed until they opt out, and a GPC signal opts them out again after they allow it", async ({
  browser,
  page,
  request,
}) => {
  expect(await check(request, ca.ref)).toEqual({
    allowed: true,
    reason: "not_opted_out",
    law: "CCPA",
    article: "CCPA §1798.120(a)",
  });

  await setLocale(page, "en");
  await signInToPreferences(page, en, ca);
  const card = page.getByTestId("purpose-sale_share_ads");
  await expect(card.getByTestId("purpose-status")).toHaveText(en.preferences.status.optOutAllowed);
  await expect(card.getByTestId("purpose-explanation")).toContainText("§1798.120");
  await snapBoth(page, "consent-law-ccpa-allowed", "en");

  await card.getByRole("button", { name: en.preferences.buttons.optOut }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(en.preferences.status.optedOut);
  expect(await check(request, ca.ref)).toEqual({
    allowed: false,
    reason: "denied",
    law: "CCPA",
    article: "CCPA §1798.120(a)",
  });
  await card.getByRole("button", { name: en.preferences.buttons.optIn }).click();
  await expect(card.getByTestId("purpose-status")).toHaveText(en.preferences.status.optOutAllowed);
  expect(await check(request, ca.ref)).toMatchObject({
    allowed: true,
    reason: "granted",
    law: "CCPA",
  });

  // A browser sending Sec-GPC: 1: an opt-out, recorded with the signal as its reason.
  const gpc = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Sec-GPC": "1" } });
  const withSignal = await gpc.newPage();
  await setLocale(withSignal, "en");
  await signInToPreferences(withSignal, en, ca);
  await expect(withSignal.getByTestId("gpc-notice").first()).toHaveText(en.preferences.center.gpc);
  await expect(
    withSignal.getByTestId("purpose-sale_share_ads").getByTestId("purpose-status"),
  ).toHaveText(en.preferences.status.optedOut);
  expect(await check(request, ca.ref)).toEqual({
    allowed: false,
    reason: "gpc_opt_out",
    law: "CCPA",
    article: "11 CCR §7025",
  });
  await snap(withSignal, "consent-law-ccpa-gpc-en");
  await gpc.close();
});

test("the console's customer view shows each decision with the law and article that made it", async ({
  page,
}) => {
  await signInAs(page, "dpo");
  for (const [who, locale] of [
    [cn, "zh-CN"],
    [ca, "en"],
  ] as const) {
    await setLocale(page, "zh-CN");
    await page.goto("/customers");
    // Newest first: the two pushed above are on the first page.
    await page.getByRole("row").filter({ hasText: who.ref }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
    const t = locale === "en" ? consentEn : consentZh;
    await setLocale(page, locale);
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: "sale_share_ads" });
    if (who === cn) {
      await expect(row).toContainText(t.decision.allowed);
      await expect(row).toContainText("PIPL Art. 14(1)");
    } else {
      await expect(row).toContainText(t.decision.denied);
      await expect(row).toContainText(t.reasons.gpc_opt_out);
      await expect(row).toContainText("11 CCR §7025");
    }
    await row.scrollIntoViewIfNeeded();
    await snap(page, `consent-law-console-${who === cn ? "pipl-zh" : "ccpa-en"}`);
  }
});

test("a CCPA opt-out of sale and sharing taken by phone: completing the request records it, and the check answers denied", async ({
  page,
  request,
}) => {
  expect(await check(request, caller.ref)).toMatchObject({
    allowed: true,
    reason: "not_opted_out",
    law: "CCPA",
  });
  await signInAs(page, "dpo");
  await enterVerifiedRequest(page, caller.ref, "opt_out_sale_sharing", "en");
  const section = page.getByTestId("fulfilment");
  await expect(
    section.getByRole("heading", { name: f.consent.titles.opt_out_sale_sharing }),
  ).toBeVisible();
  await expect(section).toContainText("sale_share_ads");
  await expect(section.getByText(f.consent.onCompletion)).toBeVisible();
  await snap(page, "consent-law-opt-out-request");
  await page
    .getByTestId("next-step")
    .getByRole("button", { name: r.actions.startSubmit, exact: true })
    .click();
  await page
    .getByTestId("next-step")
    .getByRole("button", { name: r.actions.completeSubmit, exact: true })
    .click();
  await expect(page.getByTestId("request-header-badges")).toContainText(r.status.completed);
  expect(await check(request, caller.ref)).toEqual({
    allowed: false,
    reason: "denied",
    law: "CCPA",
    article: "CCPA §1798.120(a)",
  });
  await snapBoth(page, "consent-law-opt-out-completed", "zh-CN");
});
