-- One vocabulary of personal-data categories (lib/data-categories/options.ts); this rewrites stored ids only.
-- Each statement touches only rows still holding an old id, so a second run or an empty database changes nothing.
-- request_vendor_tasks copies vendor ids, which are all in the shared list already: left as recorded.
-- Purposes called financial accounts "payment"; the shared id is "financial" (PIPL Art. 28: 金融账户).
UPDATE "purposes"
SET "data_categories" = CASE
	WHEN 'financial' = ANY("data_categories") THEN array_remove("data_categories", 'payment')
	ELSE array_replace("data_categories", 'payment', 'financial')
END
WHERE 'payment' = ANY("data_categories");
--> statement-breakpoint
-- The vendor registry's "identity" meant identity documents; the shared list names the ID number apart
-- ("identity" is name and account), so a vendor that received identity documents received both.
UPDATE "vendors"
SET "data_categories" = array_append("data_categories", 'national_id')
WHERE 'identity' = ANY("data_categories") AND NOT 'national_id' = ANY("data_categories");
