import { accounts, DEMO_PASSWORD } from "./accounts";
import { expect, signInAs, snap, test } from "./fixtures";

const failure = (page: import("@playwright/test").Page) =>
  page.getByRole("main").getByRole("alert");

/** Submits the form and waits until its answer is shown, so the message read next is this one's. */
async function attempt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  const submit = page.locator('button[type="submit"]');
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
    submit.click(),
  ]);
  await expect(submit).toBeEnabled();
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

test("five failures pause sign-in from here, even for the right password, and an unknown address is answered alike", async ({
  page,
}) => {
  await page.goto("/sign-in");
  const answers = async (email: string, passwords: string[]) => {
    const seen = [];
    for (const password of passwords) {
      await attempt(page, email, password);
      seen.push(await failure(page).textContent());
    }
    return seen;
  };
  const tries = ["wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5", DEMO_PASSWORD];
  const known = await answers("lockout@demo.example", tries);
  expect(known.slice(0, 4).every((text) => text?.includes("不正确"))).toBe(true);
  expect(known.slice(4).every((text) => text?.includes("登录已暂停"))).toBe(true);
  await expect(page).toHaveURL(/\/sign-in/);
  await snap(page, "sign-in-paused");
  expect(await answers("nobody-lockout@demo.example", tries.slice(0, 5))).toEqual(
    known.slice(0, 5),
  );
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
