import { z } from "zod";
import type { ApiScope } from "@/db/schema/api";
import {
  listingInput,
  merchantInput,
  orderInput,
  paymentAccountInput,
  voucherInput,
} from "@/lib/vault/schemas";
import { MAX_BATCH_ITEMS, MAX_BODY_BYTES } from "./body";
import {
  CHECKS_PER_MINUTE,
  CONSENT_BATCHES_PER_MINUTE,
  consentCheckResponse,
  consentEventBatchRequest,
  consentEventBatchResponse,
  consentEventItem,
  customerConsentsResponse,
  guardianCodeRequest,
  guardianCodeResponse,
  guardianVerifyRequest,
  guardianVerifyResponse,
} from "./consent-schemas";
import { incidentReportRequest, incidentReportResponse } from "./incident-schemas";
import { problemSchema, problemType, problemTypes, type ProblemCode } from "./problem";
import {
  changesQuery,
  changesResponse,
  customerBatchRequest,
  customerBatchResponse,
  customerItem,
  customerView,
  listingBatchRequest,
  merchantBatchRequest,
  orderBatchRequest,
  paymentAccountBatchRequest,
  vaultBatchResponse,
  voucherBatchRequest,
} from "./schemas";

/** What the reference needs to know about one endpoint; schemas are the handlers' own. */
export interface EndpointSpec {
  method: "get" | "post";
  path: string;
  operationId: string;
  summary: string;
  scope: ApiScope;
  request?: string;
  response: string;
  parameters?: Array<{
    name: string;
    in: "path" | "query";
    required: boolean;
    description: string;
    schema: object;
  }>;
  problems: ProblemCode[];
  /** A request body for the reference's curl example (fictional data). */
  example?: unknown;
}

const batchProblems: ProblemCode[] = [
  "malformed",
  "unauthenticated",
  "forbidden",
  "tooLarge",
  "unsupportedMediaType",
  "validation",
  "idempotencyMismatch",
  "conflict",
  "rateLimited",
];
const readProblems: ProblemCode[] = ["unauthenticated", "forbidden", "rateLimited"];

const batch = (
  path: string,
  operationId: string,
  summary: string,
  scope: ApiScope,
  request: string,
  item: object,
  response = "BatchResponse",
): EndpointSpec => ({
  method: "post",
  path,
  operationId,
  summary,
  scope,
  request,
  response,
  problems: batchProblems,
  example: { items: [item] },
});

export const endpoints: EndpointSpec[] = [
  {
    method: "post",
    path: "/incidents",
    operationId: "reportIncident",
    summary:
      "Report a suspected incident from the platform's monitoring (PIPL Art. 57 covers leaks that may happen); the privacy officers triage it",
    scope: "incidents:write",
    request: "IncidentReportRequest",
    response: "IncidentReport",
    problems: [
      "malformed",
      "unauthenticated",
      "forbidden",
      "tooLarge",
      "unsupportedMediaType",
      "validation",
      "idempotencyMismatch",
      "rateLimited",
    ],
    example: {
      summary: "Order database backup readable without authentication",
      description: "Monitoring found the nightly order backup bucket publicly listable.",
      discoveredAt: "2026-12-08T02:15:00+08:00",
      systems: ["order-service"],
      dataCategories: ["contact", "transactions"],
      estimatedAffected: 1200000,
    },
  },
  batch(
    "/customers/batch",
    "upsertCustomers",
    "Create or update up to 1,000 customers by externalRef",
    "customers:write",
    "CustomerBatchRequest",
    {
      externalRef: "u-10001",
      displayName: "张三",
      phone: "+8613800000000",
      email: "zhangsan@example.com",
      laws: ["PIPL"],
      region: "CN-BJ",
    },
    "CustomerBatchResponse",
  ),
  {
    method: "get",
    path: "/customers/{externalRef}",
    operationId: "getCustomer",
    summary: "One customer by externalRef, masked",
    scope: "customers:read",
    response: "Customer",
    problems: [...readProblems, "notFound"],
    parameters: [
      {
        name: "externalRef",
        in: "path",
        required: true,
        description: "The platform's id of the customer.",
        schema: { type: "string" },
      },
    ],
  },
  {
    method: "get",
    path: "/customers/changes",
    operationId: "listCustomerChanges",
    summary: "Customers changed since a cursor",
    scope: "customers:read",
    response: "CustomerChanges",
    problems: [...readProblems, "validation"],
    parameters: Object.entries(z.toJSONSchema(changesQuery, { io: "input" }).properties ?? {}).map(
      ([name, schema]) => ({
        name,
        in: "query",
        required: false,
        description: String(
          (schema as { description?: string }).description ?? "Page size (1–1000, default 100).",
        ),
        schema: schema as object,
      }),
    ),
  },
  batch(
    "/payment-accounts/batch",
    "upsertPaymentAccounts",
    "Create or update payment accounts (identifier sealed under the customer's key)",
    "customers:write",
    "PaymentAccountBatchRequest",
    { externalRef: "pa-1", customerRef: "u-10001", type: "alipay", identifier: "+8613800000000" },
  ),
  batch(
    "/merchants/batch",
    "upsertMerchants",
    "Create or update merchants",
    "orders:write",
    "MerchantBatchRequest",
    { externalRef: "m-1", name: "示例火锅店", category: "hotpot", city: "北京" },
  ),
  batch(
    "/vouchers/batch",
    "upsertVouchers",
    "Create or update vouchers (redemption code sealed)",
    "orders:write",
    "VoucherBatchRequest",
    {
      externalRef: "v-1",
      merchantRef: "m-1",
      ownerRef: "u-10001",
      title: "双人套餐",
      faceValueCents: 19800,
      pricePaidCents: 12800,
      purchasedAt: "2026-10-01T12:00:00+08:00",
      redemptionCode: "EXAMPLE-0000",
    },
  ),
  batch(
    "/listings/batch",
    "upsertListings",
    "Create or update transfer listings",
    "orders:write",
    "ListingBatchRequest",
    { externalRef: "l-1", voucherRef: "v-1", sellerRef: "u-10001", askingPriceCents: 11000 },
  ),
  batch(
    "/orders/batch",
    "upsertOrders",
    "Create or update transfer orders",
    "orders:write",
    "OrderBatchRequest",
    {
      externalRef: "o-1",
      voucherRef: "v-1",
      listingRef: "l-1",
      buyerRef: "u-10002",
      sellerRef: "u-10001",
      priceCents: 11000,
      status: "paid",
      paidAt: "2026-10-02T09:30:00+08:00",
    },
  ),
  batch(
    "/consent-events",
    "recordConsentEvents",
    `Record up to 1,000 consent receipts (all or none); its own rate limit of ${CONSENT_BATCHES_PER_MINUTE.toLocaleString("en")} batches a minute per key`,
    "consent:write",
    "ConsentEventBatchRequest",
    {
      customerRef: "u-10001",
      purpose: "marketing_sms",
      action: "grant",
      occurredAt: "2026-11-01T10:00:00+08:00",
      channel: "app",
      policyVersion: { document: "privacy", version: 3 },
      locale: "zh-CN",
      ip: "203.0.113.7",
    },
    "ConsentEventBatchResponse",
  ),
  {
    method: "get",
    path: "/customers/{externalRef}/consents",
    operationId: "getCustomerConsents",
    summary: "A customer's current consent per purpose, with the receipt behind it",
    scope: "consent:read",
    response: "CustomerConsents",
    problems: [...readProblems, "notFound"],
    parameters: [
      {
        name: "externalRef",
        in: "path",
        required: true,
        description: "The platform's id of the customer.",
        schema: { type: "string" },
      },
    ],
  },
  {
    method: "post",
    path: "/customers/{externalRef}/guardian-codes",
    operationId: "requestGuardianCode",
    summary:
      "PIPL Art. 31: send a one-time code to the guardian of a customer under 14 (their own phone or email, stored sealed); 409 when the customer needs no guardian or the contact is the customer's own",
    scope: "consent:write",
    request: "GuardianCodeRequest",
    response: "GuardianCode",
    problems: [
      "malformed",
      "unauthenticated",
      "forbidden",
      "unsupportedMediaType",
      "validation",
      "notFound",
      "conflict",
      "rateLimited",
    ],
    parameters: [
      {
        name: "externalRef",
        in: "path",
        required: true,
        description: "The platform's id of the minor customer.",
        schema: { type: "string" },
      },
    ],
    example: { channel: "sms", contact: "+8613900000000", locale: "zh-CN" },
  },
  {
    method: "post",
    path: "/guardian-codes/{challengeId}/verify",
    operationId: "verifyGuardianCode",
    summary:
      "Check the guardian's code (10 minutes, 5 attempts; a wrong one is counted). Then name challengeId as guardianChallengeId on consent events for 30 minutes: they are recorded as the guardian's",
    scope: "consent:write",
    request: "GuardianVerifyRequest",
    response: "GuardianVerification",
    problems: [
      "malformed",
      "unauthenticated",
      "forbidden",
      "unsupportedMediaType",
      "validation",
      "notFound",
      "rateLimited",
    ],
    parameters: [
      {
        name: "challengeId",
        in: "path",
        required: true,
        description: "The challengeId the code request returned.",
        schema: { type: "string", format: "uuid" },
      },
    ],
    example: { code: "123456" },
  },
  {
    method: "get",
    path: "/customers/{externalRef}/consents/{purpose}/check",
    operationId: "checkConsent",
    summary: `May the platform process for this purpose now? Cheap; call it before every message. Not written to the audit trail per call; its own rate limit of ${CHECKS_PER_MINUTE.toLocaleString("en")} a minute per key`,
    scope: "consent:read",
    response: "ConsentCheck",
    problems: readProblems,
    parameters: [
      {
        name: "externalRef",
        in: "path",
        required: true,
        description:
          "The platform's id of the customer (unknown or erased: allowed false, reason unknown_customer).",
        schema: { type: "string" },
      },
      {
        name: "purpose",
        in: "path",
        required: true,
        description:
          "The purpose's code (unknown or archived: allowed false, reason unknown_purpose).",
        schema: { type: "string" },
      },
    ],
  },
];

/** A date accepted by z.coerce.date has no JSON Schema of its own: document it as date-time. */
const override = (ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) => {
  if ((ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === "date")
    Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
};

function componentSchemas(io: "input" | "output", schemas: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override,
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(out.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The OpenAPI 3.1 document of /api/v1, built from the same zod schemas the handlers parse with. */
export function openApiDocument() {
  const schemas = {
    ...componentSchemas("input", {
      CustomerInput: customerItem,
      MerchantInput: merchantInput,
      VoucherInput: voucherInput,
      ListingInput: listingInput,
      OrderInput: orderInput,
      PaymentAccountInput: paymentAccountInput,
      CustomerBatchRequest: customerBatchRequest,
      MerchantBatchRequest: merchantBatchRequest,
      VoucherBatchRequest: voucherBatchRequest,
      ListingBatchRequest: listingBatchRequest,
      OrderBatchRequest: orderBatchRequest,
      PaymentAccountBatchRequest: paymentAccountBatchRequest,
      ConsentEventInput: consentEventItem,
      ConsentEventBatchRequest: consentEventBatchRequest,
      GuardianCodeRequest: guardianCodeRequest,
      GuardianVerifyRequest: guardianVerifyRequest,
      IncidentReportRequest: incidentReportRequest,
    }),
    ...componentSchemas("output", {
      CustomerBatchResponse: customerBatchResponse,
      BatchResponse: vaultBatchResponse,
      Customer: customerView,
      CustomerChanges: changesResponse,
      Problem: problemSchema,
      ConsentEventBatchResponse: consentEventBatchResponse,
      CustomerConsents: customerConsentsResponse,
      ConsentCheck: consentCheckResponse,
      GuardianCode: guardianCodeResponse,
      GuardianVerification: guardianVerifyResponse,
      IncidentReport: incidentReportResponse,
    }),
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const responses: Record<string, unknown> = {
      200: { description: "OK", content: { "application/json": { schema: ref(e.response) } } },
    };
    for (const code of e.problems) {
      const { status, title } = problemTypes[code];
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing
          ? `${existing.description}; ${title} (${problemType(code)})`
          : `${title} (${problemType(code)})`,
        content: { "application/problem+json": { schema: ref("Problem") } },
      };
    }
    paths[e.path] = {
      ...paths[e.path],
      [e.method]: {
        operationId: e.operationId,
        summary: e.summary,
        description: `Requires the scope \`${e.scope}\`.`,
        "x-scope": e.scope,
        security: [{ bearerAuth: [e.scope] }],
        parameters: [
          ...(e.parameters ?? []),
          ...(e.method === "post"
            ? [
                {
                  name: "Idempotency-Key",
                  in: "header",
                  required: false,
                  description:
                    "Up to 255 characters. A retry with the same key and body returns the stored response (Idempotent-Replayed: true) and writes nothing; the same key with another body is refused (422).",
                  schema: { type: "string", maxLength: 255 },
                },
              ]
            : []),
        ],
        ...(e.request
          ? {
              requestBody: {
                required: true,
                content: {
                  "application/json": {
                    schema: ref(e.request),
                    ...(e.example ? { example: e.example } : {}),
                  },
                },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Privacy Desk platform API",
      version: "1.0.0",
      description: `The platform pushes its customers, business data and consent receipts here and reads them back masked; it asks whether a customer's consent allows a purpose before acting. Batches hold 1–${MAX_BATCH_ITEMS} items and at most ${MAX_BODY_BYTES / 1024 / 1024} MB; a batch is written entirely or not at all. Money is integer fen. Errors are RFC 9457 problem details.`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "An organisation API key, `pdk_<prefix>_<secret>`, created under Settings → API.",
        },
      },
      schemas,
    },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
