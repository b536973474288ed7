import type { Page } from "@playwright/test";
import { formatInstant } from "../lib/core/i18n/format-date";
import common from "../messages/zh-CN/common.json" with { type: "json" };
import org from "../messages/zh-CN/organization.json" with { type: "json" };
import { expect, hydrated, signInAs, test } from "./fixtures";

/**
 * The screens the shared UI pieces draw (facts, action buttons, archive controls, fields, tables,
 * dates), in both languages, on a desktop and on a 390-px phone: each loads, says something, and
 * does not make the page scroll sideways. The screenshots are kept under test-results/screens/ux.
 */
const locales = ["zh-CN", "en"] as const;
const sizes = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } };

/** Pages to look at: a path, or the first link on a list page whose address matches. */
const screens: Array<{ name: string; path: string; first?: RegExp }> = [
  { name: "vendor", path: "/vendors", first: /^\/vendors\/[0-9a-f-]{36}$/ },
  { name: "purpose", path: "/purposes", first: /^\/purposes\/[0-9a-f-]{36}$/ },
  { name: "customer", path: "/customers", first: /^\/customers\/[0-9a-f-]{36}$/ },
  { name: "risk", path: "/risks", first: /^\/risks\/[0-9a-f-]{36}$/ },
  { name: "assessment", path: "/security-tests", first: /^\/security-tests\/[0-9a-f-]{36}$/ },
  { name: "policy", path: "/policies", first: /^\/policies\/[0-9a-f-]{36}$/ },
  { name: "request", path: "/requests", first: /^\/requests\/[0-9a-f-]{36}$/ },
  { name: "settings", path: "/settings/organization" },
  { name: "audit", path: "/audit" },
  { name: "tasks", path: "/tasks" },
];

async function open(page: Page, screen: (typeof screens)[number]) {
  await page.goto(screen.path);
  if (!screen.first) return;
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => screen.first!.test(h));
  expect(href, `a link to one record on ${screen.path}`).toBeTruthy();
  await page.goto(href!);
}

for (const locale of locales)
  for (const [size, viewport] of Object.entries(sizes))
    test(`shared screens in ${locale} on a ${size}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signInAs(page, "dpo");
      await page.context().addCookies([{ name: "pd_locale", value: locale, url: page.url() }]);
      for (const screen of screens) {
        await open(page, screen);
        await hydrated(page);
        await expect(page.locator("h1").first()).not.toBeEmpty();
        await page.screenshot({
          path: `test-results/screens/ux/${screen.name}-${locale}-${size}.png`,
          fullPage: true,
        });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `${screen.name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      }
    });

test("an admin moves the organisation to another time zone and the audit log follows it", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/settings/organization");
  await hydrated(page);
  const zone = page.getByRole("combobox", { name: org.timeZone, exact: true });
  await expect(zone).toHaveValue("Asia/Shanghai");
  await zone.selectOption("America/Los_Angeles");
  await page.getByRole("button", { name: common.save, exact: true }).click();
  await expect(page.getByText(org.saved)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/ux/organization-zh-CN-desktop.png" });

  // The newest event is the change itself, shown on Los Angeles' clock with its seconds.
  await page.goto("/audit");
  const first = page.locator("main table tbody tr").first().locator("time");
  const instant = (await first.getAttribute("datetime"))!;
  await expect(first).toHaveText(formatInstant(instant, "zh-CN", "America/Los_Angeles", "seconds"));

  await page.goto("/settings/organization");
  await hydrated(page);
  await page
    .getByRole("combobox", { name: org.timeZone, exact: true })
    .selectOption("Asia/Shanghai");
  await page.getByRole("button", { name: common.save, exact: true }).click();
  await expect(page.getByText(org.saved)).toBeVisible();
  await page.goto("/audit");
  await expect(page.locator("main table tbody tr").first().locator("time")).toHaveText(
    formatInstant(
      (await page.locator("main table tbody tr").first().locator("time").getAttribute("datetime"))!,
      "zh-CN",
      "Asia/Shanghai",
      "seconds",
    ),
  );
});
