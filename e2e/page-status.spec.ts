import nav from "../messages/zh-CN/nav.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import { expect, signInAs, test } from "./fixtures";

// Console pages answer their guard's outcome as the HTTP status, not 200 with the error page streamed after it.

test("a page the role may not open answers 403 with the forbidden page", async ({ page }) => {
  await signInAs(page, "employee");
  for (const path of ["/audit", "/settings/keys", "/users"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
  const response = await page.goto("/audit");
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: errors.forbiddenPage })).toBeVisible();
});

test("another organisation's record answers 404, even to a member of both", async ({ page }) => {
  await signInAs(page, "owner");
  const switcher = page.getByRole("combobox", { name: nav.switchOrg });
  const home = await switcher.inputValue();
  await switcher.selectOption({ label: "海港团购转让" });
  await page.waitForURL("/");
  await page.goto("/vendors");
  const href = await page
    .locator('main tbody a[href^="/vendors/"]:not([href$="/edit"])')
    .first()
    .getAttribute("href");
  expect(href).toMatch(/^\/vendors\/[\w-]+$/);
  expect((await page.request.get(href!, { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("combobox", { name: nav.switchOrg }).selectOption(home);
  await page.waitForURL("/");
  const response = await page.request.get(href!, { maxRedirects: 0 });
  expect(response.status()).toBe(404);
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: errors.notFoundPage })).toBeVisible();
});

test("a signed-out visitor is redirected to sign in before anything is sent", async ({
  request,
}) => {
  const response = await request.get("/vendors", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/sign-in$/);
});
