import departments from "../messages/zh-CN/departments.json" with { type: "json" };
import enNav from "../messages/en/nav.json" with { type: "json" };
import nav from "../messages/zh-CN/nav.json" with { type: "json" };
import requests from "../messages/zh-CN/requests.json" with { type: "json" };
import tasks from "../messages/zh-CN/tasks.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.

test.describe("where each role starts, and the navigation", () => {
  test("an employee starts on My tasks", async ({ page }) => {
    await signInAs(page, "employee");
    await page.goto("/start");
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("heading", { name: tasks.title, level: 1 })).toBeVisible();
    await snap(page, "landing-employee");
  });

  test("a manager starts on the department they head, with its team", async ({ page }) => {
    await signInAs(page, "manager");
    await page.goto("/start");
    await expect(page).toHaveURL(/\/departments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "客服", level: 1 })).toBeVisible();
    await expect(page.getByTestId("department-head")).toHaveText(
      departments.headLine.replace("{name}", "张伟"),
    );
    await expect(page.getByTestId("department-team")).toContainText("刘洋");
    // Reading a department does not offer to edit it.
    await expect(page.getByRole("heading", { name: departments.editTitle })).toHaveCount(0);
    await expect(page).toHaveTitle(/客服/);
    await snap(page, "landing-manager");
  });

  test("a privacy officer starts on the overview; the sidebar is grouped", async ({ page }) => {
    await signInAs(page, "dpo");
    await page.goto("/start");
    await expect(page).toHaveURL(/\/$/);
    const sidebar = page.getByRole("complementary").getByRole("navigation", { name: nav.label });
    for (const group of Object.values(nav.groups))
      await expect(sidebar.getByText(group, { exact: true })).toBeVisible();
  });

  test("on a phone the navigation is a drawer of groups, in both languages", async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "dpo");
    await page.goto("/");
    const drawer = page.getByRole("dialog", { name: nav.label });
    await expect(drawer).toHaveCount(0);
    await hydrated(page);
    await page.getByRole("button", { name: nav.menu, exact: true }).click();
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText(nav.groups.organisation, { exact: true })).toBeVisible();
    await snap(page, "nav-drawer-zh");
    await page.keyboard.press("Escape");
    await expect(drawer).toHaveCount(0);

    await hydrated(page);
    await page.getByRole("button", { name: nav.menu, exact: true }).click();
    await drawer.getByRole("link", { name: nav.requests }).click();
    await expect(page).toHaveURL(/\/requests$/);
    await expect(drawer).toHaveCount(0);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await snap(page, "nav-mobile-requests");

    // The working calendar's holidays become cards: nothing overflows and the name keeps its width.
    await page.goto("/settings/calendar");
    const name = page.getByLabel(`${requests.calendar.name} 1`);
    await expect(name).toHaveValue(/元旦/);
    expect((await name.boundingBox())!.width).toBeGreaterThan(250);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await snap(page, "calendar-mobile");

    await page.context().addCookies([{ name: "pd_locale", value: "en", url: baseURL! }]);
    await page.reload();
    await hydrated(page);
    await page.getByRole("button", { name: enNav.menu, exact: true }).click();
    await expect(
      page
        .getByRole("dialog", { name: enNav.label })
        .getByText(enNav.groups.programme, { exact: true }),
    ).toBeVisible();
    await snap(page, "nav-drawer-en");
    await page.context().addCookies([{ name: "pd_locale", value: "zh-CN", url: baseURL! }]);
  });
});
