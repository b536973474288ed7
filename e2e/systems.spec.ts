import en from "../messages/en/systems.json" with { type: "json" };
import categories from "../messages/zh-CN/dataCategories.json" with { type: "json" };
import errors from "../messages/zh-CN/errors.json" with { type: "json" };
import s from "../messages/zh-CN/systems.json" with { type: "json" };
import { expect, hydrated, signInAs, snap, test } from "./fixtures";

// The UI's own strings (zh-CN, the default), so the test follows the wording instead of copying it.
const run = Date.now().toString(36);
const name = `E2E 会员积分服务 ${run}`;

test.describe.serial("systems inventory and the data map", () => {
  test("an officer adds a system that sends data abroad, and finds it on the data map", async ({
    page,
  }) => {
    await signInAs(page, "dpo");
    await page.goto("/systems");
    // The seeded inventory: the platform's own systems.
    await expect(page.getByRole("link", { name: "订单数据库" })).toBeVisible();
    await page.getByRole("link", { name: s.newSystem }).click();
    await expect(page).toHaveURL(/\/systems\/new$/);
    await hydrated(page);
    await page.getByRole("textbox", { name: s.fields.name }).fill(name);
    await page.getByRole("textbox", { name: s.fields.hostingLocation }).fill("AWS 亚太（新加坡）");
    await page.getByRole("combobox", { name: s.fields.country }).selectOption("SG");
    await page.getByRole("button", { name: s.create }).click();
    // No category is refused next to its group, and nothing typed is lost.
    await expect(page.getByText(errors.chooseAtLeastOne)).toBeVisible();
    await expect(page.getByRole("textbox", { name: s.fields.name })).toHaveValue(name);
    await page.getByRole("checkbox", { name: categories.contact, exact: true }).check();
    await page.getByRole("checkbox", { name: categories.transactions, exact: true }).check();
    await page
      .getByRole("combobox", { name: s.fields.vendor })
      .selectOption({ label: "Amazon Web Services" });
    await page.getByRole("checkbox", { name: /cross_border_storage/ }).check();
    await page.getByRole("checkbox", { name: s.measures.encryption_at_rest }).check();
    await page.getByRole("button", { name: s.create }).click();
    await expect(page).toHaveURL(/\/systems\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    const flows = page.getByTestId("system-flows");
    await expect(flows.getByText("Amazon Web Services").first()).toBeVisible();
    await expect(flows.getByText(s.map.crossBorderBadge).first()).toBeVisible();
    await snap(page, "system-detail-zh");

    // The data map, filtered to one category: the new system and its vendor abroad are on it.
    await page.goto("/data-map");
    await expect(page.getByRole("heading", { name: s.map.title, level: 1 })).toBeVisible();
    const image = page.getByTestId("data-map-image");
    await expect(image).toHaveJSProperty("complete", true);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(600);
    await page.getByRole("combobox", { name: s.map.category }).selectOption("transactions");
    await page.getByRole("button", { name: s.map.apply }).click();
    await expect(page).toHaveURL(/category=transactions/);
    const row = page.getByTestId("data-map-flow").filter({ hasText: name });
    await expect(row.filter({ hasText: "Amazon Web Services" }).first()).toBeVisible();
    await snap(page, "data-map-zh");

    // The image itself: an SVG naming the system, downloadable as a file.
    const svg = await page.request.get("/data-map/image.svg?category=transactions");
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    const text = await svg.text();
    expect(text).toContain(name);
    expect(text).toContain("Amazon Web Services");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: s.map.download }).click();
    expect((await download).suggestedFilename()).toMatch(/^data-map-\d{4}-\d{2}-\d{2}\.svg$/);

    // In English too.
    await page.context().addCookies([{ name: "pd_locale", value: "en", url: page.url() }]);
    await page.goto("/data-map");
    await expect(page.getByRole("heading", { name: en.map.title, level: 1 })).toBeVisible();
    expect(await (await page.request.get("/data-map/image.svg")).text()).toContain(
      en.map.columns.vendor,
    );
    await snap(page, "data-map-en");
    await page.goto("/systems");
    await snap(page, "systems-en");
    await page.context().clearCookies({ name: "pd_locale" });
  });

  test("an employee cannot open the inventory", async ({ page }) => {
    await signInAs(page, "employee");
    const response = await page.goto("/systems");
    expect(response?.status()).toBe(403);
    expect((await page.request.get("/data-map/image.svg")).status()).toBe(403);
  });
});
