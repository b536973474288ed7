import api from "../messages/zh-CN/api.json" with { type: "json" };
import org from "../messages/zh-CN/organization.json" with { type: "json" };
import t from "../messages/zh-CN/requests.json" with { type: "json" };
import en from "../messages/en/requests.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const run = Date.now().toString(36);
const both = `e2e-clocks-${run}`;

async function enterRequest(page: Page, externalRef: string, fill: (page: Page) => Promise<void>) {
  await page.goto("/requests/new");
  await page.getByLabel(t.intake.searchLabel).fill(externalRef);
  await page.getByRole("button", { name: t.intake.search, exact: true }).click();
  await page.getByRole("radio", { name: new RegExp(externalRef) }).check();
  await fill(page);
  await page.getByRole("button", { name: t.intake.create, exact: true }).click();
  await page.getByRole("link", { name: t.intake.open }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
}

function tenBusinessDaysAfter(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  for (let counted = 0; counted < 10;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) counted += 1;
  }
  return day.toISOString().slice(0, 10);
}

async function inEnglish(page: Page, name: string) {
  await page.context().addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);
  await page.reload();
  await snap(page, name);
  await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: page.url() }]);
}

test.describe.serial("request clocks per law", () => {
  test("the platform pushes a customer under both PIPL and CCPA", async ({ page, request }) => {
    await signInAs(page, "owner");
    await page.goto("/settings/api");
    await page.getByRole("textbox", { name: api.fields.name }).fill(`E2E clocks ${run}`);
    await page.getByRole("checkbox", { name: /^customers:write/ }).check();
    await page.getByRole("button", { name: api.create.submit }).click();
    const token = (await page.getByTestId("api-token").textContent())!.trim();
    const pushed = await request.post("/api/v1/customers/batch", {
      headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": `e2e-clocks-${run}` },
      data: {
        items: [
          {
            externalRef: both,
            displayName: "陈杰",
            email: `chen.${run}@example.com`,
            laws: ["PIPL", "CCPA"],
            region: "US-CA",
          },
        ],
      },
    });
    expect(pushed.status()).toBe(200);
  });

  test("staff enter a request received at 17:00 UTC on 30 Sep 2026 and see both clocks, each dated in its law's zone, PIPL governing", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await enterRequest(page, both, async (p) => {
      // A CCPA-only type is offered to this customer; the form lists the types their laws give.
      await expect(
        p.getByLabel(t.fields.type).locator("option", { hasText: t.type.opt_out_sale_sharing }),
      ).toHaveCount(1);
      await p.getByLabel(t.fields.type).selectOption("access");
      await p.getByLabel(t.fields.channel).selectOption("email");
      await p.getByLabel(t.fields.receivedOn).fill("2026-09-30");
      await p.getByLabel(t.fields.receivedTime).fill("17:00");
      await p.getByLabel(t.fields.receivedZone).selectOption("UTC");
      await p.getByLabel(t.fields.identityMethod).selectOption("email_reply");
      await p.getByLabel(t.fields.verifiedOn).fill("2026-10-01");
      await snap(p, "request-intake-time-zone");
    });
    await expect(page.getByTestId("received-at")).toContainText("2026-10-01 01:00");
    await expect(page.getByTestId("received-at")).toContainText("2026-09-30 17:00");
    const pipl = page.getByTestId("clock-PIPL");
    const ccpa = page.getByTestId("clock-CCPA");
    // PIPL counts from 1 Oct in Beijing (inside the National Day holiday), CCPA from 30 Sep in Los Angeles.
    await expect(page.getByTestId("received-on-PIPL")).toHaveText("2026-10-01");
    await expect(page.getByTestId("received-on-CCPA")).toHaveText("2026-09-30");
    await expect(page.getByTestId("due-on")).toHaveText("2026-10-27");
    await expect(page.getByTestId("due-on-CCPA")).toHaveText("2026-11-14");
    await expect(pipl).toHaveAttribute("data-governing", "true");
    await expect(pipl.getByTestId("governing-badge")).toHaveText(t.clock.governing);
    await expect(ccpa.getByTestId("governing-badge")).toHaveCount(0);
    await expect(page.getByTestId("acknowledge-CCPA")).toContainText("2026-10-14");
    await expect(page.getByTestId("basis-CCPA")).toContainText("§7021");
    await expect(page.getByTestId("basis-PIPL")).toContainText("第五十条");
    await snap(page, "request-clocks-both-laws");
    await inEnglish(page, "request-clocks-both-laws-en");
    await expect(page.getByTestId("clock-PIPL").getByTestId("governing-badge")).toHaveText(
      en.clock.governing,
    );
  });

  test("a CCPA request shows its 45 days as calendar days and the 10-business-day acknowledgement separately", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await enterRequest(page, "u-30001", async (p) => {
      await expect(
        p.getByLabel(t.fields.type).locator("option", { hasText: t.type.objection }),
      ).toHaveCount(0);
      await p.getByLabel(t.fields.type).selectOption("erasure");
      await p.getByLabel(t.fields.channel).selectOption("email");
      // Received now (the form's default date and time, Beijing time).
    });
    const left = page.getByTestId("left-CCPA");
    // 45 calendar days from the date in Los Angeles, counted down from today in Beijing: 44 or 45 left, never business days.
    await expect(left).toHaveText(/^剩余 4[45] 天$/);
    // The acknowledgement is its own date, 10 business days after the date in Los Angeles (already sent: the customer has an email).
    await expect(page.getByTestId("acknowledge-CCPA")).toHaveText(
      tenBusinessDaysAfter(
        new Date().toLocaleDateString("en-CA", { timeZone: "America/Los_Angeles" }),
      ),
    );
    await expect(left).not.toContainText("营业日");
    await expect(page.getByTestId("governing-badge")).toHaveCount(0);
    await snap(page, "request-clock-ccpa");
    await inEnglish(page, "request-clock-ccpa-en");
    await expect(page.getByTestId("left-CCPA")).toHaveText(/^4[45] days left$/);
    await expect(page.getByTestId("left-CCPA")).not.toContainText("business");
  });

  test("the privacy officer sets a PIPL period within its limit; beyond it the server refuses", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/settings/organization");
    await hydrated(page);
    const form = page.getByRole("form", { name: org.clocks.title });
    const amount = form.getByRole("spinbutton", {
      name: org.clocks.amount.replace("{type}", t.type.erasure),
    });
    await amount.fill("20");
    await form.getByRole("button", { name: org.clocks.save }).click();
    await expect(form.locator("#piplAmount_erasure-error")).not.toBeEmpty();
    await snap(page, "clock-settings-error");
    await form
      .getByRole("spinbutton", { name: org.clocks.amount.replace("{type}", t.type.erasure) })
      .fill("10");
    await form.getByRole("button", { name: org.clocks.save }).click();
    await expect(page.getByText(org.clocks.saved)).toBeVisible();
    await snap(page, "clock-settings-saved");
    await inEnglish(page, "clock-settings-en");
    // Back to the default, so other walks see the demo organisation as seeded.
    await page.reload();
    await hydrated(page);
    await page
      .getByRole("form", { name: org.clocks.title })
      .getByRole("spinbutton", { name: org.clocks.amount.replace("{type}", t.type.erasure) })
      .fill("15");
    await page
      .getByRole("form", { name: org.clocks.title })
      .getByRole("button", { name: org.clocks.save })
      .click();
    await expect(page.getByText(org.clocks.saved)).toBeVisible();
  });
});
