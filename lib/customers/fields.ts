import "server-only";
import { customers } from "@/db/schema";
import { blindIndex, type BlindIndexKind } from "@/lib/core/crypto/blind-index";
import { encryptField, type FieldContext } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import {
  maskAddress,
  maskBirthDate,
  maskEmail,
  maskName,
  maskNationalId,
  maskPhone,
} from "@/lib/customers/mask";

type Column = keyof typeof customers.$inferInsert;

interface PersonalFieldSpec {
  /** SQL column name: part of the ciphertext's AAD, so a blob only opens in its own column. */
  column: string;
  enc: Column;
  masked: Column;
  mask: (value: string) => string;
  index?: { kind: BlindIndexKind; bidx: Column };
}

/** The customer fields that are personal data: encrypted, masked and (some) blind-indexed. */
export const personalFields = {
  displayName: {
    column: "display_name_enc",
    enc: "displayNameEnc",
    masked: "nameMasked",
    mask: maskName,
  },
  phone: {
    column: "phone_enc",
    enc: "phoneEnc",
    masked: "phoneMasked",
    mask: maskPhone,
    index: { kind: "phone", bidx: "phoneBidx" },
  },
  email: {
    column: "email_enc",
    enc: "emailEnc",
    masked: "emailMasked",
    mask: maskEmail,
    index: { kind: "email", bidx: "emailBidx" },
  },
  nationalId: {
    column: "national_id_enc",
    enc: "nationalIdEnc",
    masked: "nationalIdMasked",
    mask: maskNationalId,
    index: { kind: "national_id", bidx: "nationalIdBidx" },
  },
  address: { column: "address_enc", enc: "addressEnc", masked: "addressMasked", mask: maskAddress },
  birthDate: {
    column: "birth_date_enc",
    enc: "birthDateEnc",
    masked: "birthDateMasked",
    mask: maskBirthDate,
  },
} as const satisfies Record<string, PersonalFieldSpec>;

export type PersonalField = keyof typeof personalFields;
export const personalFieldNames = Object.keys(personalFields) as PersonalField[];

export const fieldContext = (
  orgId: string,
  customerId: string,
  field: PersonalField,
): FieldContext => ({
  orgId,
  table: "customers",
  column: personalFields[field].column,
  rowId: customerId,
});

/** The columns one personal value is stored in: ciphertext, masked form, blind index. */
export function sealedColumns(
  key: FieldKey,
  indexKey: Buffer,
  orgId: string,
  customerId: string,
  field: PersonalField,
  value: string,
) {
  const spec: PersonalFieldSpec = personalFields[field];
  const columns: Partial<Record<Column, unknown>> = {
    [spec.enc]: encryptField(key, value, fieldContext(orgId, customerId, field)),
    [spec.masked]: spec.mask(value),
  };
  if (spec.index) columns[spec.index.bidx] = blindIndex(indexKey, spec.index.kind, value);
  return columns as Partial<typeof customers.$inferInsert>;
}
