import { expect, signInAs, test } from "./fixtures";

/**
 * A server action replayed as the browser sent it, with and without the headers that say it came
 * from our own page: without them it is refused (403) before the action runs.
 */
test("a server action POST without Origin or Sec-Fetch-Site is refused with 403", async ({
  page,
}) => {
  await signInAs(page, "dpo");
  await page.goto("/customers");
  const sent = page.waitForRequest(
    (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
  );
  await page.locator("#search-value").fill("13900000000");
  await page.locator('form[role="search"] button[type="submit"]').click();
  const action = await sent;
  const browser = await action.allHeaders();
  const replay = (extra: Record<string, string>) => {
    const headers: Record<string, string> = {
      "next-action": browser["next-action"],
      "content-type": browser["content-type"],
      accept: browser.accept ?? "text/x-component",
      ...extra,
    };
    if (browser["next-router-state-tree"])
      headers["next-router-state-tree"] = browser["next-router-state-tree"];
    return page.request.post(action.url(), {
      headers,
      data: action.postDataBuffer()!,
      maxRedirects: 0,
    });
  };
  expect(browser.origin).toBe(new URL(page.url()).origin);

  const refused = await replay({});
  expect(refused.status()).toBe(403);
  expect((await replay({ origin: "http://evil.example" })).status()).toBe(403);
  expect((await replay({ "sec-fetch-site": "cross-site" })).status()).toBe(403);

  expect((await replay({ origin: browser.origin })).status()).toBe(200);
  expect((await replay({ "sec-fetch-site": "same-origin" })).status()).toBe(200);
});
