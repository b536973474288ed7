-- A purpose declares its basis per law (issue 15 §1). Each existing purpose gets a basis under
-- each of its organisation's laws, so that nothing becomes allowed that was not: legitimate
-- interest (which PIPL does not have) and opt-out (valid only where CCPA provides it) become
-- consent under PIPL and GDPR; opt-out stays opt-out under CCPA only. A purpose that a customer
-- can now refuse is no longer "required". `consent_kind` keeps only how consent is asked.
ALTER TABLE "purposes" DROP CONSTRAINT "purposes_legal_basis";--> statement-breakpoint
ALTER TABLE "purposes" DROP CONSTRAINT "purposes_consent_kind";--> statement-breakpoint
ALTER TABLE "purposes" ADD COLUMN "bases" jsonb;--> statement-breakpoint
UPDATE "purposes" p SET "bases" = (
  SELECT jsonb_object_agg(law, CASE law
    WHEN 'PIPL' THEN CASE
      WHEN p.consent_kind = 'opt_out' OR p.legal_basis IN ('consent', 'legitimate_interest') THEN 'consent'
      WHEN p.legal_basis = 'vital_interests' THEN 'emergency'
      WHEN p.legal_basis = 'public_interest' THEN 'legal_obligation'
      ELSE p.legal_basis END
    WHEN 'GDPR' THEN CASE WHEN p.consent_kind = 'opt_out' THEN 'consent' ELSE p.legal_basis END
    ELSE CASE
      WHEN p.consent_kind = 'opt_out' THEN 'opt_out'
      WHEN p.legal_basis = 'consent' THEN 'consent'
      ELSE 'notice' END
    END)
  FROM organizations o, unnest(CASE WHEN cardinality(o.jurisdictions) > 0 THEN o.jurisdictions ELSE array['PIPL'] END) AS law
  WHERE o.id = p.org_id
);--> statement-breakpoint
UPDATE "purposes" SET "required" = false
  WHERE "required" AND EXISTS (SELECT 1 FROM jsonb_each_text("bases") b WHERE b.value IN ('consent', 'opt_out', 'legitimate_interest'));--> statement-breakpoint
UPDATE "purposes" SET "consent_kind" = 'standard' WHERE "consent_kind" = 'opt_out';--> statement-breakpoint
ALTER TABLE "purposes" ALTER COLUMN "bases" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "purposes" DROP COLUMN "legal_basis";--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_bases" CHECK (jsonb_typeof("purposes"."bases") = 'object' and "purposes"."bases" <> '{}'::jsonb and ("purposes"."bases" - array['PIPL', 'GDPR', 'CCPA']) = '{}'::jsonb and coalesce("purposes"."bases"->>'PIPL' in ('consent', 'contract', 'legal_obligation', 'emergency', 'news_reporting', 'disclosed_information', 'other_law'), true) and coalesce("purposes"."bases"->>'GDPR' in ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_interest', 'legitimate_interest'), true) and coalesce("purposes"."bases"->>'CCPA' in ('opt_out', 'notice', 'consent'), true));--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_consent_kind" CHECK ("purposes"."consent_kind" in ('standard', 'separate'));
