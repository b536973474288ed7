import { z } from "zod";
import { consentActions, consentChannels, consentStatuses } from "@/db/schema/consent";
import { consentKinds, purposeBasisIds } from "@/db/schema/purposes";
import { customerLaws } from "@/db/schema/customers";
import { checkReasons } from "@/lib/consent/decide";
import { MAX_BATCH_ITEMS } from "./body";

// Request and response bodies of the consent endpoints; the OpenAPI document is generated from them.

/** The check's own per-key budget: it is called before every message, far above the shared 600 a minute. */
export const CHECKS_PER_MINUTE = 30_000;
/** Consent batches per key a minute, a budget of their own: 3,000 × 500 events is 25,000 events a second. */
export const CONSENT_BATCHES_PER_MINUTE = 3000;

const purposeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/)
  .meta({ description: "The purpose's code in the catalogue, e.g. marketing_sms." });

export const consentEventItem = z
  .object({
    customerRef: z.string().trim().min(1).max(200).meta({
      description: "The customer's externalRef (pushed earlier through /customers/batch).",
    }),
    purpose: purposeCode,
    action: z.enum(consentActions),
    occurredAt: z.iso.datetime({ offset: true }).meta({
      description:
        "When the customer acted (ISO 8601 with offset); stored to the millisecond. At most 5 minutes in the future.",
    }),
    channel: z.enum(consentChannels),
    policyVersion: z
      .object({
        document: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .meta({ description: "Slug of the policy document, as in /p/{org}/policies/{slug}." }),
        version: z
          .int()
          .min(1)
          .meta({ description: "The published version number the customer was shown." }),
      })
      .optional()
      .meta({
        description:
          "The policy version shown when the customer acted: a published (or since superseded) version.",
      }),
    noticeHash: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .transform((s) => s.toLowerCase())
      .optional()
      .meta({ description: "SHA-256 (hex) of the notice text shown." }),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/)
      .optional()
      .meta({ description: "BCP 47 language tag, e.g. zh-CN." }),
    ip: z.union([z.ipv4(), z.ipv6()]).optional().meta({
      description:
        "The customer's IP address; only its network part (/24 for IPv4, /48 for IPv6) is stored.",
    }),
    userAgent: z.string().max(512).optional(),
    gpc: z
      .boolean()
      .optional()
      .meta({ description: "A Global Privacy Control signal applied to this choice." }),
    guardianChallengeId: z
      .uuid()
      .optional()
      .meta({
        description:
          "A PIPL customer under 14 consents through a guardian (Art. 31): the challengeId of a guardian code for this customer, " +
          "verified in the last 30 minutes (POST /customers/{externalRef}/guardian-codes, then /guardian-codes/{challengeId}/verify). The receipt is then the guardian's (byGuardian).",
      }),
  })
  .meta({ id: "ConsentEventInput" });
export type ConsentEventItem = z.infer<typeof consentEventItem>;

export const consentEventBatchRequest = z
  .object({ items: z.array(consentEventItem).min(1).max(MAX_BATCH_ITEMS) })
  .meta({ id: "ConsentEventBatchRequest" });

export const consentEventBatchResponse = z
  .object({
    batchId: z.uuid(),
    merkleRoot: z.string().meta({
      description:
        "SHA-256 Merkle root (hex) over the receipts' content hashes in item order; also written to the audit chain.",
    }),
    receipts: z.array(
      z.object({
        index: z.int().min(0).meta({ description: "Position of the item in the request." }),
        id: z.uuid().meta({ description: "The receipt id; keep it as evidence of the choice." }),
        contentHash: z.string().meta({ description: "SHA-256 (hex) of the canonical receipt." }),
      }),
    ),
  })
  .meta({ id: "ConsentEventBatchResponse" });

/** The law and article a decision applied, shared by the check and the consents list. */
const decisionFields = {
  allowed: z.boolean().meta({
    description:
      "Whether processing for this purpose is allowed now, under every law that applies to the customer.",
  }),
  reason: z.enum(checkReasons).meta({
    description:
      "granted; not_granted (no answer: consent purposes default to no); denied; withdrawn; reconsent_required (granted before a material policy change); " +
      "guardian_required (a minor: only a verified guardian's grant counts — PIPL Art. 31 under 14, GDPR Art. 8 under the organisation's age, CCPA §1798.120(c) under 13); " +
      "opt_in_required (CCPA §1798.120(c): a consumer of 13 to 15 is sold to or shared with only after their own opt-in); " +
      "not_required_consent (a basis other than consent, e.g. contract, or notice under CCPA); not_opted_out (CCPA opt-out purposes default to yes); " +
      "gpc_opt_out (opted out by a Global Privacy Control signal); opted_out (the customer's completed CCPA request to opt out of sale and sharing, which also covers opt-out purposes created after it, until they opt in again); limited (their completed CCPA request to limit the use of sensitive personal information, which also covers purposes using sensitive categories created after it, until they consent again); not_objected / objected (GDPR legitimate interest, until the customer objects, Art. 21); " +
      "not_offered (the purpose has no basis under one of the customer's laws); unknown_purpose; unknown_customer.",
  }),
  law: z.enum(customerLaws).nullable().meta({
    description:
      "The law whose rule decided: the first that denies, else the first that applies (PIPL, GDPR, CCPA); null for an unknown customer or purpose.",
  }),
  article: z.string().nullable().meta({
    description:
      'The article the decision rests on, e.g. "PIPL Art. 13(1)(1)" or "CCPA §1798.120(a)".',
  }),
};

/** A purpose's basis under each law it is offered under. */
const basesView = z
  .object({
    PIPL: z.enum(purposeBasisIds.PIPL).optional(),
    GDPR: z.enum(purposeBasisIds.GDPR).optional(),
    CCPA: z.enum(purposeBasisIds.CCPA).optional(),
  })
  .meta({
    description:
      "The purpose's legal basis per law (PIPL Art. 13, GDPR Art. 6, CCPA); a law without one is not offered the purpose.",
  });

const policyVersionView = z
  .object({ id: z.uuid(), document: z.string(), version: z.int() })
  .nullable();

export const customerConsentsResponse = z
  .object({
    customerRef: z.string(),
    consents: z.array(
      z.object({
        purpose: z.string(),
        bases: basesView,
        consentKind: z.enum(consentKinds).meta({
          description:
            "How consent is asked where a basis is consent: standard, or separate consent (单独同意).",
        }),
        required: z.boolean(),
        status: z
          .enum(consentStatuses)
          .nullable()
          .meta({ description: "null: the customer has never answered for this purpose." }),
        occurredAt: z.iso.datetime({ offset: true }).nullable(),
        receiptId: z
          .uuid()
          .nullable()
          .meta({ description: "The receipt behind the current state." }),
        policyVersion: policyVersionView.meta({
          description: "The policy version the customer was shown.",
        }),
        reconsentRequired: z.boolean().meta({
          description: "Granted before a material change of the purpose's policy: ask again.",
        }),
        gpc: z.boolean(),
        ...decisionFields,
      }),
    ),
  })
  .meta({ id: "CustomerConsents" });

export const consentCheckResponse = z.object(decisionFields).meta({ id: "ConsentCheck" });

export const consentPathParams = z.object({
  externalRef: z.string().min(1).max(200),
  purpose: purposeCode,
});

/** PIPL Art. 31: a code to a minor's guardian, who proves they hold this phone or email. */
export const guardianCodeRequest = z
  .object({
    channel: z.enum(["sms", "email"]),
    contact: z.string().trim().min(1).max(200).meta({
      description:
        "The guardian's own mobile number or email address (not the child's): stored only sealed under the child's data key.",
    }),
    locale: z
      .enum(["zh-CN", "en"])
      .optional()
      .meta({ description: "Language of the message; zh-CN by default." }),
  })
  .meta({ id: "GuardianCodeRequest" });

export const guardianCodeResponse = z
  .object({
    challengeId: z.uuid().meta({
      description:
        "Verify it with the code the guardian received, then name it on the guardian's consent events.",
    }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .meta({ description: "The code is valid for 10 minutes and 5 attempts." }),
  })
  .meta({ id: "GuardianCode" });

export const guardianVerifyRequest = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .meta({ description: "The 6 digits the guardian received." }),
  })
  .meta({ id: "GuardianVerifyRequest" });

export const guardianVerifyResponse = z
  .object({
    challengeId: z.uuid(),
    validUntil: z.iso.datetime({ offset: true }).meta({
      description:
        "Consent events naming this challenge are the guardian's until then (30 minutes).",
    }),
  })
  .meta({ id: "GuardianVerification" });
