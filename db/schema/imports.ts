import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, tenantKey } from "./columns";
import { organizations } from "./organizations";

export const importStatuses = ["uploaded", "running", "completed", "failed"] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * A CSV import of customers. The uploaded file is personal data: it is kept only sealed under the
 * organisation key (kind "org", version beside it) until the job finishes, then cleared. Row
 * errors record the row number, column and message key — never the cell's value.
 */
export const customerImports = pgTable(
  "customer_imports",
  {
    ...tenantKey,
    fileName: text("file_name").notNull(),
    status: text("status").$type<ImportStatus>().notNull().default("uploaded"),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull(),
    fileEnc: bytea("file_enc"),
    fileKeyVersion: integer("file_key_version"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    errorRows: integer("error_rows").notNull().default(0),
    errors: jsonb("errors")
      .$type<Array<{ row: number; field: string; message: string }>>()
      .notNull()
      .default([]),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    index("customer_imports_created_idx").on(t.orgId, t.createdAt),
    index("customer_imports_key_version_idx").on(t.orgId, t.fileKeyVersion),
    check(
      "customer_imports_status",
      sql`${t.status} in ('uploaded', 'running', 'completed', 'failed')`,
    ),
  ],
);
