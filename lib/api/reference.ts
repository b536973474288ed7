import type { OpenApiDocument } from "./openapi";

// Turns the OpenAPI document into what the console's reference page lists: per endpoint the
// fields of its request and response (nested items flattened to `items[].field`) and a curl line.

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  description?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  anyOf?: Schema[];
};

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  notes: string;
}

const resolve = (doc: OpenApiDocument, schema: Schema): Schema =>
  schema.$ref
    ? resolve(
        doc,
        (doc.components.schemas as Record<string, Schema>)[schema.$ref.split("/").pop()!],
      )
    : schema;

function typeOf(doc: OpenApiDocument, schema: Schema): string {
  const s = resolve(doc, schema);
  if (s.anyOf) return s.anyOf.map((option) => typeOf(doc, option)).join(" | ");
  if (s.enum) return s.enum.join(" | ");
  if (s.type === "array" && s.items) {
    const item = typeOf(doc, s.items);
    return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
  }
  const base = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${base} (${s.format})` : base;
}

/** z.int() bounds every integer to the safe range: not worth printing. */
const bound = (value: number | undefined) =>
  value === undefined || Math.abs(value) === Number.MAX_SAFE_INTEGER ? undefined : value;

function notesOf(schema: Schema): string {
  const s = { ...schema, minimum: bound(schema.minimum), maximum: bound(schema.maximum) };
  const limits = [
    s.minLength !== undefined || s.maxLength !== undefined
      ? `${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`
      : "",
    s.minimum !== undefined || s.maximum !== undefined
      ? `${s.minimum ?? "−∞"}–${s.maximum ?? "∞"}`
      : "",
    s.minItems !== undefined || s.maxItems !== undefined
      ? `${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`
      : "",
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : "",
  ].filter(Boolean);
  return [s.description, limits.join(", ")].filter(Boolean).join(" · ");
}

/** The fields of a schema, nested objects and arrays of objects flattened with dotted names. */
export function fieldsOf(doc: OpenApiDocument, schema: Schema, prefix = "", depth = 0): FieldRow[] {
  const s = resolve(doc, schema);
  if (!s.properties || depth > 3) return [];
  return Object.entries(s.properties).flatMap(([name, raw]) => {
    const prop = resolve(doc, raw);
    const row = {
      name: `${prefix}${name}`,
      type: typeOf(doc, raw),
      required: (s.required ?? []).includes(name),
      notes: notesOf({ ...prop, description: raw.description ?? prop.description }),
    };
    const inner =
      prop.type === "array" && prop.items
        ? fieldsOf(doc, prop.items, `${prefix}${name}[].`, depth + 1)
        : fieldsOf(doc, prop, `${prefix}${name}.`, depth + 1);
    return [row, ...inner];
  });
}

/** A copy-paste curl line with a placeholder token and the deployment's URL as a variable. */
export function curlExample(method: string, path: string, example?: unknown): string {
  const url = `"$PRIVACY_DESK_URL/api/v1${path.replace("{externalRef}", "u-10001").replace("{purpose}", "marketing_sms")}"`;
  const lines = [
    `curl -X ${method.toUpperCase()} ${url}`,
    `  -H "Authorization: Bearer pdk_<prefix>_<secret>"`,
  ];
  if (method === "post") {
    lines.push(
      `  -H "Content-Type: application/json"`,
      `  -H "Idempotency-Key: $(uuidgen)"`,
      `  -d '${JSON.stringify(example ?? {}, null, 2).replace(/\n/g, "\n  ")}'`,
    );
  }
  return lines.join(" \\\n");
}
