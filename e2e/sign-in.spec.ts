import { accounts, DEMO_PASSWORD } from "./accounts";
import { expect, signInAs, snap, test } from "./fixtures";

const failure = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("alert");

async function attempt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

test("an employee signs in and lands on the overview, in Chinese by default", async ({ page }) => {
  await signInAs(page, "employee");
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await snap(page, "overview-employee-zh");
});

test("wrong password and unknown account get the same message", async ({ page }) => {
  await page.goto("/sign-in");
  await attempt(page, accounts.manager, "not-the-password");
  await expect(failure(page)).toContainText("不正确");
  const wrongPassword = await failure(page).textContent();
  await page.reload();
  await attempt(page, "nobody@demo.example", "not-the-password");
  await expect(failure(page)).toHaveText(wrongPassword!);
  await snap(page, "sign-in-failure");
});

test("five failures lock the account for 15 minutes, even for the right password", async ({ page }) => {
  await page.goto("/sign-in");
  for (let i = 0; i < 4; i++) {
    await attempt(page, "lockout@demo.example", `wrong-${i}`);
    await expect(failure(page)).toContainText("不正确");
  }
  await attempt(page, "lockout@demo.example", "wrong-final");
  await expect(failure(page)).toContainText("锁定 15 分钟");
  await attempt(page, "lockout@demo.example", DEMO_PASSWORD);
  await expect(failure(page)).toContainText("锁定 15 分钟");
  await expect(page).toHaveURL(/\/sign-in/);
  await snap(page, "sign-in-locked");
});

test("an owner must enrol two-factor authentication before anything else", async ({ page }) => {
  await signInAs(page, "owner");
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/vendors/);
});

test("the language switch changes the interface and is remembered", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await snap(page, "sign-in-en");
  await signInAs(page, "employee");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await snap(page, "overview-employee-en");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
});

test("every page carries the security headers; console pages are not cached", async ({ page }) => {
  const signIn = await page.goto("/sign-in");
  const headers = signIn!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await signInAs(page, "employee");
  const overview = await page.goto("/");
  expect(overview!.headers()["cache-control"]).toContain("no-store");
});
