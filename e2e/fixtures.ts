import { test as base, expect, type Page } from "@playwright/test";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { accounts, DEMO_PASSWORD, type DemoRole } from "./accounts";
import { RUN_STATE_DIR } from "./run-state";
import { freshCode, rememberSecret } from "./totp-codes";

export { expect };
export const test = base;

const AUTH_DIR = `${RUN_STATE_DIR}/auth`;

/** Enrols TOTP on the enrolment page: reads the shown key, confirms with a computed code. */
async function enrol(page: Page, email: string) {
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  rememberSecret(email, secret);
  await page.locator('input[name="code"]').fill(await freshCode(email, secret));
  await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
}

/**
 * Opens / and waits until it settles: console pages stream, so a server redirect (to 2FA
 * enrolment or the password change) reaches the browser after the load event.
 */
async function landOnConsole(page: Page) {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
}

/** Signs in through the form; answers the second-factor prompt and first-time enrolment. */
export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  const code = page.locator('input[name="code"]');
  const outcome = await Promise.race([
    page
      .waitForURL((url) => !url.pathname.startsWith("/sign-in"))
      .then(
        () => "signed-in" as const,
        () => "timeout" as const,
      ),
    code.waitFor({ state: "visible" }).then(
      () => "code" as const,
      () => "timeout" as const,
    ),
  ]);
  if (outcome === "code") {
    await code.fill(await freshCode(email));
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }
  await landOnConsole(page);
  if (page.url().includes("/account/two-factor")) {
    await enrol(page, email);
    await page.goto("/");
  }
}

/** Signs in as a demo role, reusing that role's session from earlier tests when it is still valid. */
export async function signInAs(page: Page, role: DemoRole) {
  const file = `${AUTH_DIR}/${role}.json`;
  if (existsSync(file)) {
    await page.context().addCookies(JSON.parse(readFileSync(file, "utf8")));
    await landOnConsole(page);
    if (!page.url().includes("/sign-in") && !page.url().includes("/account/")) return;
    await page.context().clearCookies();
  }
  await signInWithPassword(page, accounts[role]);
  await expect(page).not.toHaveURL(/\/sign-in|\/account\//);
  mkdirSync(AUTH_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(await page.context().cookies()));
}

/** A full-page screenshot kept with the test's artifacts. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/**
 * Waits until React has hydrated the page (see components/shell/hydration-mark.tsx). Call it
 * before using a client-only control (a tab, a dialog's opener, the menu): clicked earlier, such
 * a control does nothing, and a slow machine makes that window long after a form post reloads.
 */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
