import en from "../messages/en/errors.json" with { type: "json" };
import zh from "../messages/zh-CN/errors.json" with { type: "json" };
import { expect, snap, test } from "./fixtures";

test("the page shown while the database is down says so in both languages and offers a retry", async ({
  page,
  context,
}) => {
  await page.goto("/unavailable");
  await expect(page.getByRole("heading", { name: zh.unavailablePage })).toBeVisible();
  await expect(page.getByText(zh.unavailableBody)).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(zh.unavailablePage));
  await snap(page, "unavailable-zh");

  await context.addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: en.unavailablePage })).toBeVisible();
  await page.getByRole("link", { name: en.retry }).click();
  await expect(page).not.toHaveURL(/unavailable/);
});
