import t from "../messages/zh-CN/api.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const run = Date.now().toString(36);
const keyName = `E2E 订单服务 ${run}`;
const refs = [`e2e-${run}-1`, `e2e-${run}-2`];

test("an owner creates an API key, the platform pushes and reads customers with it, and revoking it locks it out", async ({
  page,
  request,
}) => {
  await signInAs(page, "owner");
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: t.title, level: 1 })).toBeVisible();

  // Nothing chosen: the server refuses and says so next to the scopes.
  await page.getByRole("textbox", { name: t.fields.name }).fill(keyName);
  await page.getByRole("button", { name: t.create.submit }).click();
  await expect(page.locator("#scopes-error")).not.toBeEmpty();

  await page.getByRole("checkbox", { name: /^customers:write/ }).check();
  await page.getByRole("checkbox", { name: /^customers:read/ }).check();
  await page.getByRole("button", { name: t.create.submit }).click();
  const shown = page.getByTestId("api-token");
  await expect(shown).toBeVisible();
  await expect(page.getByText(t.token.once)).toBeVisible();
  const token = (await shown.textContent())!.trim();
  expect(token).toMatch(/^pdk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  await snap(page, "api-key-created");

  const auth = { Authorization: `Bearer ${token}` };
  const pushed = await request.post("/api/v1/customers/batch", {
    headers: { ...auth, "Idempotency-Key": `e2e-${run}` },
    data: {
      items: [
        { externalRef: refs[0], displayName: "测试甲", phone: "13700001111", laws: ["PIPL"] },
        { externalRef: refs[1], email: "e2e@example.com" },
      ],
    },
  });
  expect(pushed.status()).toBe(200);
  expect((await pushed.json()).counts).toEqual({ created: 2, updated: 0, unchanged: 0 });

  const read = await request.get(`/api/v1/customers/${refs[0]}`, { headers: auth });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({
    externalRef: refs[0],
    displayName: "测**",
    phone: "137****1111",
    laws: ["PIPL"],
  });

  const missing = await request.get(`/api/v1/customers/e2e-${run}-none`, { headers: auth });
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");

  // Back in the console the token is gone for good; the list shows the key as used.
  await page.getByRole("button", { name: t.token.done }).click();
  await expect(shown).toHaveCount(0);
  await page.reload();
  const prefix = token.slice(4, 16);
  const row = page.getByTestId(`api-key-${prefix}`);
  await expect(row).toContainText(keyName);
  await expect(row.getByTestId("last-used")).not.toHaveText(t.list.neverUsed);
  await expect(row.getByText(t.list.active)).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  await snap(page, "api-keys-list");

  await hydrated(page);
  await row.getByRole("button", { name: t.revoke.button }).click();
  const dialog = page.getByRole("dialog", { name: t.revoke.title });
  await expect(dialog).toBeVisible();
  await snap(page, "api-key-revoke-confirm");
  await dialog.getByRole("button", { name: t.revoke.confirm }).click();
  await expect(row.getByText(t.list.revoked)).toBeVisible();
  await expect(row.getByRole("button", { name: t.revoke.button })).toHaveCount(0);
  await snap(page, "api-key-revoked");

  const refused = await request.get(`/api/v1/customers/${refs[0]}`, { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
});

test("the API reference is rendered from the public OpenAPI document", async ({
  page,
  request,
}) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const body = await doc.json();
  expect(body.openapi).toBe("3.1.0");

  await signInAs(page, "auditor");
  await page.goto("/settings/api");
  // The page streams in behind a skeleton: wait for it before asserting what it lacks.
  await expect(page.getByRole("link", { name: t.reference.open })).toBeVisible();
  await expect(page.getByRole("button", { name: t.create.submit })).toHaveCount(0);
  await page.getByRole("link", { name: t.reference.open }).click();
  await expect(page.getByRole("heading", { name: t.reference.title, level: 1 })).toBeVisible();
  for (const path of Object.keys(body.paths))
    await expect(page.getByText(`/api/v1${path}`, { exact: true }).first()).toBeVisible();
  await expect(page.getByText("urn:privacy-desk:problem:validation").first()).toBeVisible();
  await expect(page.locator("pre").first()).toContainText(
    "Authorization: Bearer pdk_<prefix>_<secret>",
  );
  await snap(page, "api-reference");
});
