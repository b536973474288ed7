import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import c from "../messages/zh-CN/customers.json" with { type: "json" };
import f from "../messages/zh-CN/fulfilment.json" with { type: "json" };
import en from "../messages/en/portalRequests.json" with { type: "json" };
import zh from "../messages/zh-CN/portalRequests.json" with { type: "json" };
import portal from "../messages/zh-CN/portal.json" with { type: "json" };
import r from "../messages/zh-CN/requests.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import { codeFromOutbox, newestOutboxBody } from "./outbox";

// The UI's own strings, so the test follows the wording instead of copying it.
const PORTAL = "/p/demo/requests";
/**
 * The erasure test erases a generated demo customer (db/seed/people.ts generatedCustomer(47), a
 * PIPL customer in CN), not u-10002: requests.spec.ts runs later against the same server and uses 李娜.
 */
const ERASED = {
  ref: "g-0000047",
  phone: "15114614416",
  e164: "+8615114614416",
  masked: "151****4416",
};
/**
 * The access test's customer: generatedCustomer(49), PIPL, with an email on file and orders. No
 * other spec touches them, so no earlier request of theirs can make this one a duplicate, and a
 * retry has one-time codes to spare (3 per number per 10 minutes).
 */
const ASKER = {
  ref: "g-0000049",
  name: "罗凯",
  phone: "15514710958",
  e164: "+8615514710958",
  masked: "155****0958",
  email: "l***@example.cn",
};

test.describe.configure({ mode: "serial" });

/** The privacy officer's own browser: the outbox (development shows message text) and the console. */
let officer: Page;
test.beforeAll(async ({ browser }) => {
  officer = await (await browser.newContext()).newPage();
  await signInAs(officer, "dpo");
});
test.afterAll(() => officer.context().close());

/** The access test's tracking link, which the lost-link test replaces. */
let askerLink = "";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function askForCode(page: Page, phone: string) {
  await page.goto(PORTAL);
  await expect(page.getByRole("heading", { level: 1, name: zh.title })).toBeVisible();
  await page.getByRole("textbox", { name: portal.identity.request.phone }).fill(phone);
  await page.getByRole("button", { name: portal.identity.request.submit }).click();
  await expect(page.getByText(portal.identity.verify.sent)).toBeVisible();
  expect(page.url()).not.toContain(phone);
}

/** Verifies with the code from the outbox, submits a request of `type`, and returns the tracking link. */
async function submitRequest(
  page: Page,
  phone: string,
  masked: string,
  type: keyof typeof zh.types,
  shot: string,
): Promise<{ link: string; reference: string }> {
  await askForCode(page, phone);
  await snap(page, `${shot}-1-code`);
  await page
    .getByRole("textbox", { name: portal.identity.verify.code })
    .fill(await codeFromOutbox(officer, masked));
  await page.getByRole("button", { name: portal.identity.verify.submit }).click();
  await expect(page.getByRole("heading", { level: 2, name: zh.form.heading })).toBeVisible();
  // A PIPL customer reads about refusing and restricting processing (PIPL Art. 44), never "legitimate interests".
  await expect(page.getByText(zh.types.objection.laws.PIPL)).toBeVisible();
  await expect(page.getByText(/合法利益/)).toHaveCount(0);
  await page.getByRole("radio", { name: new RegExp(`^${escape(zh.types[type].label)}`) }).check();
  await snap(page, `${shot}-2-form`);
  await page.getByRole("button", { name: zh.form.submit }).click();
  await expect(page.getByTestId("request-submitted")).toBeVisible();
  await expect(page.getByTestId("request-duplicate")).toHaveCount(0);
  await snap(page, `${shot}-3-submitted`);
  const link = ((await page.getByTestId("tracking-link").textContent()) ?? "").trim();
  expect(link).toMatch(/\/p\/demo\/requests\/track#[A-Za-z0-9_-]{43}$/);
  const reference = /R-\d{4}-\d{6}/.exec(
    (await page.getByTestId("request-reference").textContent()) ?? "",
  )![0];
  return { link, reference };
}

/** Opens the tracking link afresh (a goto that only changes the fragment would stay in the document). */
async function openTracking(page: Page, link: string) {
  await page.goto("about:blank");
  await page.goto(link);
}

/** The officer opens the request from the queue by its reference. */
async function openInConsole(reference: string) {
  await officer.goto("/requests");
  await officer.getByRole("link", { name: reference, exact: true }).click();
  await expect(officer).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(officer.getByTestId("request-header-badges")).toBeVisible();
}

test("a customer asks for a copy of their data in the portal, the officer builds it, and the customer downloads it from the tracking page", async ({
  page,
}) => {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto(PORTAL);
  await expect(page.getByRole("heading", { level: 2, name: zh.typesHeading })).toBeVisible();
  await snap(page, "request-portal-0-landing");
  const { link, reference } = await submitRequest(
    page,
    ASKER.phone,
    ASKER.masked,
    "access",
    "request-portal-access",
  );
  const token = link.split("#")[1];
  askerLink = link;

  // The received notice is queued for them (by email, the contact on file) with the reference and the tracking link.
  const notice = await newestOutboxBody(officer, ASKER.email);
  expect(notice).toContain(reference);
  expect(notice).toContain(`/p/demo/requests/track#${token}`);

  await openInConsole(reference);
  await officer.getByRole("button", { name: r.actions.startSubmit, exact: true }).click();
  await expect(officer.getByTestId("request-header-badges")).toContainText(r.status.in_progress);

  // The officer asks something; the customer reads it on the tracking page and replies, which resumes the request.
  const ask = officer.locator("form", {
    has: officer.getByRole("button", { name: r.actions.askSubmit }),
  });
  await ask.getByRole("textbox").fill("请确认您需要包含全部订单记录的数据包。");
  await ask.getByRole("button", { name: r.actions.askSubmit }).click();
  await expect(officer.getByTestId("request-header-badges")).toContainText(
    r.status.awaiting_requester,
  );
  await openTracking(page, link);
  await expect(page.getByTestId("track-status")).toHaveText(zh.track.statuses.awaiting_requester);
  await expect(page.getByTestId("track-message")).toHaveText(
    "请确认您需要包含全部订单记录的数据包。",
  );
  await page.getByRole("textbox", { name: zh.track.reply.label }).fill("是的，请包含全部订单。");
  await snap(page, "request-portal-access-4-reply");
  await page.getByRole("button", { name: zh.track.reply.submit }).click();
  await expect(page.getByText(zh.track.reply.sent)).toBeVisible();
  await expect(page.getByTestId("track-status")).toHaveText(zh.track.statuses.in_progress);
  await expect(
    page.getByTestId("track-message").filter({ hasText: "是的，请包含全部订单。" }),
  ).toHaveCount(1);
  await snap(page, "request-portal-access-5-replied");
  await officer.reload();
  await expect(officer.getByTestId("request-header-badges")).toContainText(r.status.in_progress);

  const section = officer.getByTestId("fulfilment");
  await section.getByRole("button", { name: f.export.build, exact: true }).click();
  await expect(officer.getByTestId("export-status")).toHaveText(f.export.status.ready, {
    timeout: 45_000,
  });
  await officer
    .getByTestId("next-step")
    .getByRole("button", { name: r.actions.completeSubmit, exact: true })
    .click();
  await expect(officer.getByTestId("request-header-badges")).toContainText(r.status.completed);
  await snap(officer, "request-portal-access-6-console-completed");

  await openTracking(page, link);
  await expect(page.getByTestId("track-reference")).toHaveText(reference);
  await expect(page.getByTestId("track-status")).toHaveText(zh.track.statuses.completed);
  await expect(page.getByTestId("track-completed")).toBeVisible();
  await expect(page.getByText(zh.track.law.PIPL)).toHaveCount(1);
  await snap(page, "request-portal-access-7-track");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: zh.track.download.button }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${reference}-data-package.zip`);
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(JSON.parse(strFromU8(entries["profile.json"]))).toMatchObject({
    displayName: ASKER.name,
    phone: ASKER.e164,
    externalRef: ASKER.ref,
  });
  expect(JSON.parse(strFromU8(entries["orders.json"])).length).toBeGreaterThan(0);

  // The download is on the timeline; the token never travelled in a URL (only the fragment holds it).
  await page.reload();
  await expect(
    page.getByTestId("track-event").filter({ hasText: zh.track.events.download }),
  ).toHaveCount(1);
  expect(urls.filter((url) => url.includes(token))).toEqual([]);

  // A wrong token gets the neutral answer (a fragment change alone is read again too).
  await page.goto(`${PORTAL}/track#${"x".repeat(43)}`);
  await expect(page.getByTestId("track-not-found")).toBeVisible();
  await expect(page.getByText(zh.track.notFound)).toBeVisible();
  await snap(page, "request-portal-track-not-found");

  // The same page in English (one language switch, then back for the next tests).
  const origin = new URL(page.url()).origin;
  await page.context().addCookies([{ name: "pd_locale", value: "en", url: origin }]);
  await openTracking(page, link);
  await page.reload(); // goto to the same address with another fragment stays in the document
  await expect(page.getByTestId("track-status")).toHaveText(en.track.statuses.completed);
  await snap(page, "request-portal-access-8-track-en");
  await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: origin }]);
});

test("a requester who lost their tracking link proves who they are again and gets a new one; the old link stops working", async ({
  page,
}) => {
  await askForCode(page, ASKER.phone);
  await page
    .getByRole("textbox", { name: portal.identity.verify.code })
    .fill(await codeFromOutbox(officer, ASKER.masked));
  await page.getByRole("button", { name: portal.identity.verify.submit }).click();
  const mine = page.getByRole("table", { name: zh.mine.heading });
  await expect(mine).toBeVisible();
  const row = mine.locator("tbody tr").first();
  const reference = /R-\d{4}-\d{6}/.exec(await row.innerText())![0];
  await snap(page, "request-portal-lost-1-list");
  await hydrated(page);
  await row.getByRole("button", { name: new RegExp(`^${escape(zh.mine.renew)}`) }).click();
  const renewed = page.getByTestId("renewed-link");
  await expect(renewed).toBeVisible();
  const link = ((await renewed.getByTestId("tracking-link").textContent()) ?? "").trim();
  expect(link).toMatch(/\/p\/demo\/requests\/track#[A-Za-z0-9_-]{43}$/);
  await snap(page, "request-portal-lost-2-renewed");

  await openTracking(page, link);
  await expect(page.getByTestId("track-reference")).toHaveText(reference);
  // The link given on submitting (and in the received notice) no longer opens the request.
  expect(askerLink).not.toBe("");
  await openTracking(page, askerLink);
  await expect(page.getByTestId("track-not-found")).toBeVisible();
  await expect(
    page.getByTestId("track-lost").getByRole("link", { name: zh.track.lostAction }),
  ).toHaveAttribute("href", PORTAL);

  // The list in English.
  const origin = new URL(page.url()).origin;
  await page.context().addCookies([{ name: "pd_locale", value: "en", url: origin }]);
  await page.goto(PORTAL);
  await expect(page.getByRole("table", { name: en.mine.heading })).toBeVisible();
  await snap(page, "request-portal-lost-3-list-en");
  await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: origin }]);
});

test("an erasure request: the officer erases, settles the vendor tasks and completes; the customer is gone and the tracking page says so", async ({
  page,
}) => {
  const { link, reference } = await submitRequest(
    page,
    ERASED.phone,
    ERASED.masked,
    "erasure",
    "request-portal-erasure",
  );

  await openInConsole(reference);
  await officer.getByRole("button", { name: r.actions.startSubmit, exact: true }).click();
  await expect(officer.getByTestId("request-header-badges")).toContainText(r.status.in_progress);
  const section = officer.getByTestId("fulfilment");
  await hydrated(officer);
  await section.getByRole("button", { name: f.erasure.erase, exact: true }).click();
  const dialog = officer.getByRole("dialog", { name: f.erasure.confirmTitle });
  await dialog.getByRole("button", { name: f.erasure.confirm, exact: true }).click();
  await expect(section.getByText(f.erasure.done)).toBeVisible();
  const tasks = officer.getByTestId("vendor-task");
  const count = await tasks.count();
  for (let i = 0; i < count; i++) {
    await tasks.getByRole("button", { name: f.erasure.confirmTask, exact: true }).first().click();
    await expect(
      tasks.getByRole("button", { name: f.erasure.confirmTask, exact: true }),
    ).toHaveCount(count - i - 1);
  }
  await expect(
    officer
      .getByTestId("next-step")
      .getByRole("button", { name: r.actions.completeSubmit, exact: true }),
  ).toBeVisible();
  await officer
    .getByTestId("next-step")
    .getByRole("button", { name: r.actions.completeSubmit, exact: true })
    .click();
  await expect(officer.getByTestId("request-header-badges")).toContainText(r.status.completed);
  await snap(officer, "request-portal-erasure-4-console-completed");

  await officer.goto("/customers");
  await officer.getByLabel(c.search.by).selectOption("phone");
  await officer.getByLabel(c.search.value).fill(ERASED.e164);
  await officer.getByRole("button", { name: c.search.submit, exact: true }).click();
  await expect(officer.getByText(c.search.noMatch, { exact: true })).toBeVisible();
  await snap(officer, "request-portal-erasure-5-search");

  await openTracking(page, link);
  await expect(page.getByTestId("track-reference")).toHaveText(reference);
  await expect(page.getByTestId("track-completed")).toBeVisible();
  await expect(page.getByTestId("track-erasure")).toContainText("电子商务法");
  await expect(
    page.getByTestId("track-event").filter({ hasText: zh.track.events.erased }),
  ).toHaveCount(1);
  await snap(page, "request-portal-erasure-6-track");
});

test("a rectification: an invalid corrected value is refused in place, a valid one reaches the officer as a proposal", async ({
  page,
}) => {
  const CORRECTED = { phone: "13114662687", masked: "131****2687" }; // generatedCustomer(48), g-0000048
  await askForCode(page, CORRECTED.phone);
  await page
    .getByRole("textbox", { name: portal.identity.verify.code })
    .fill(await codeFromOutbox(officer, CORRECTED.masked));
  await page.getByRole("button", { name: portal.identity.verify.submit }).click();
  await page
    .getByRole("radio", { name: new RegExp(`^${escape(zh.types.rectification.label)}`) })
    .check();
  await page.getByRole("checkbox", { name: zh.form.fields.phone, exact: true }).check();
  await page
    .getByRole("textbox", { name: zh.form.correctedValue.replace("{field}", zh.form.fields.phone) })
    .fill("not a phone");
  await page.getByRole("checkbox", { name: zh.form.fields.address, exact: true }).check();
  await page
    .getByRole("textbox", {
      name: zh.form.correctedValue.replace("{field}", zh.form.fields.address),
    })
    .fill("广州市天河区体育西路 100 号");
  await page.getByRole("button", { name: zh.form.submit }).click();
  await expect(page.locator("#correct_phone-error")).toHaveText(zh.form.errors.value);
  await snap(page, "request-portal-rectification-1-invalid");
  await page.getByRole("checkbox", { name: zh.form.fields.phone, exact: true }).uncheck();
  await page.getByRole("button", { name: zh.form.submit }).click();
  await expect(page.getByTestId("request-submitted")).toBeVisible();
  const reference = /R-\d{4}-\d{6}/.exec(
    (await page.getByTestId("request-reference").textContent()) ?? "",
  )![0];

  await openInConsole(reference);
  await expect(officer.getByTestId("rectification-address")).toContainText(
    "广州市天河区体育西路 100 号",
  );
  await expect(officer.getByTestId("rectification-phone")).toHaveCount(0);
  await snap(officer, "request-portal-rectification-2-console");
});

test("an unknown number gets the same answer as a known one, and nothing is sent", async ({
  page,
}) => {
  const before = await newestOutboxBody(officer);
  const beforeCount = await officer.getByTestId("outbox-row").count();
  await askForCode(page, "13700000009");
  await expect(
    page.getByRole("heading", { level: 2, name: portal.identity.verify.heading }),
  ).toBeVisible();
  await snap(page, "request-portal-unknown-1-code");
  // Entering a guess fails like a wrong code for a known number.
  await page.getByRole("textbox", { name: portal.identity.verify.code }).fill("123456");
  await page.getByRole("button", { name: portal.identity.verify.submit }).click();
  await expect(
    page.getByText(portal.identity.verify.wrong.replace("{left}", "4")).first(),
  ).toBeVisible();
  await snap(page, "request-portal-unknown-2-wrong");
  expect(await newestOutboxBody(officer)).toBe(before);
  expect(await officer.getByTestId("outbox-row").count()).toBe(beforeCount);
});
