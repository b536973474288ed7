import t from "../messages/zh-CN/api.json" with { type: "json" };
import { expect, signInAs, snap, test } from "./fixtures";

const run = Date.now().toString(36);
const ref = `e2e-consent-${run}`;

test("the platform records consent receipts, reads the state back and checks it; a bad batch writes nothing", async ({
  page,
  request,
}) => {
  await signInAs(page, "owner");
  await page.goto("/settings/api");
  await page.getByRole("textbox", { name: t.fields.name }).fill(`E2E 同意服务 ${run}`);
  for (const scope of ["customers:write", "consent:write", "consent:read"]) {
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  }
  await expect(
    page.getByRole("checkbox", { name: new RegExp(`^consent:read — ${t.scopes.consent_read}`) }),
  ).toBeChecked();
  await page.getByRole("button", { name: t.create.submit }).click();
  const token = (await page.getByTestId("api-token").textContent())!.trim();
  const auth = { Authorization: `Bearer ${token}` };

  expect(
    (
      await request.post("/api/v1/customers/batch", {
        headers: auth,
        data: { items: [{ externalRef: ref }] },
      })
    ).status(),
  ).toBe(200);
  const check = async (purpose: string) =>
    (
      await request.get(`/api/v1/customers/${ref}/consents/${purpose}/check`, { headers: auth })
    ).json();
  // No law or region recorded: the organisation's laws apply, and the first to deny answers with its article.
  expect(await check("marketing_sms")).toEqual({
    allowed: false,
    reason: "not_granted",
    law: "PIPL",
    article: "PIPL Art. 13(1)(1)",
  });
  expect(await check("account_transactions")).toEqual({
    allowed: true,
    reason: "not_required_consent",
    law: "PIPL",
    article: "PIPL Art. 13(1)(2)",
  });
  expect(await check("no_such_purpose")).toEqual({
    allowed: false,
    reason: "unknown_purpose",
    law: null,
    article: null,
  });

  const grant = {
    customerRef: ref,
    purpose: "marketing_sms",
    action: "grant",
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    channel: "app",
    ip: "203.0.113.77",
    locale: "zh-CN",
  };
  const posted = await request.post("/api/v1/consent-events", {
    headers: { ...auth, "Idempotency-Key": `grant-${run}` },
    data: { items: [grant] },
  });
  expect(posted.status()).toBe(200);
  const receipt = await posted.json();
  expect(receipt).toMatchObject({
    batchId: expect.any(String),
    merkleRoot: expect.stringMatching(/^[0-9a-f]{64}$/),
    receipts: [{ index: 0, id: expect.any(String) }],
  });
  expect(await check("marketing_sms")).toMatchObject({ allowed: true, reason: "granted" });

  // One bad item refuses the whole batch: an error per item and field, and the state is unchanged.
  const refused = await request.post("/api/v1/consent-events", {
    headers: auth,
    data: {
      items: [
        { ...grant, action: "withdraw", occurredAt: new Date().toISOString() },
        { ...grant, customerRef: `${ref}-nobody` },
        { ...grant, purpose: "account_transactions", action: "withdraw" },
        { ...grant, channel: "carrier-pigeon", ip: "not-an-ip" },
      ],
    },
  });
  expect(refused.status()).toBe(422);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  const problem = await refused.json();
  expect(problem.type).toBe("urn:privacy-desk:problem:validation");
  expect(
    problem.errors.map((e: { index: number; field: string }) => `${e.index}.${e.field}`),
  ).toEqual(expect.arrayContaining(["3.channel", "3.ip"]));
  expect(await check("marketing_sms")).toMatchObject({ allowed: true, reason: "granted" });

  const referenced = await request.post("/api/v1/consent-events", {
    headers: auth,
    data: {
      items: [
        { ...grant, action: "withdraw", occurredAt: new Date().toISOString() },
        { ...grant, customerRef: `${ref}-nobody` },
        { ...grant, purpose: "account_transactions", action: "withdraw" },
      ],
    },
  });
  expect(referenced.status()).toBe(422);
  expect((await referenced.json()).errors).toEqual([
    expect.objectContaining({ index: 1, field: "customerRef", code: "unknown_reference" }),
    expect.objectContaining({ index: 2, field: "action", code: "required_purpose" }),
  ]);
  expect(await check("marketing_sms")).toMatchObject({ allowed: true, reason: "granted" });

  const withdrawn = await request.post("/api/v1/consent-events", {
    headers: auth,
    data: { items: [{ ...grant, action: "withdraw", occurredAt: new Date().toISOString() }] },
  });
  expect(withdrawn.status()).toBe(200);
  expect(await check("marketing_sms")).toEqual({
    allowed: false,
    reason: "withdrawn",
    law: "PIPL",
    article: "PIPL Art. 15",
  });

  const state = await request.get(`/api/v1/customers/${ref}/consents`, { headers: auth });
  expect(state.status()).toBe(200);
  const sms = (await state.json()).consents.find(
    (c: { purpose: string }) => c.purpose === "marketing_sms",
  );
  expect(sms).toMatchObject({
    status: "withdrawn",
    receiptId: (await withdrawn.json()).receipts[0].id,
    allowed: false,
    reconsentRequired: false,
  });
  expect(
    (await request.get(`/api/v1/customers/${ref}-nobody/consents`, { headers: auth })).status(),
  ).toBe(404);

  // The reference documents the three endpoints.
  await page.getByRole("button", { name: t.token.done }).click();
  await page.getByRole("link", { name: t.reference.open }).click();
  await expect(page.getByText("/api/v1/consent-events", { exact: true }).first()).toBeVisible();
  await expect(
    page
      .getByText("/api/v1/customers/{externalRef}/consents/{purpose}/check", { exact: true })
      .first(),
  ).toBeVisible();
  await page.getByText("/api/v1/consent-events", { exact: true }).first().scrollIntoViewIfNeeded();
  await snap(page, "api-reference-consent");
});
