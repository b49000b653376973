/**
 * GitHub's description is OpenAPI 3.0: a schema says `nullable: true` where
 * JSON Schema (which ajv speaks) says `type: [..., "null"]`, and `$ref`s point
 * into the same document. This rewrites both, leaving GitHub's text untouched
 * on disk.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function openapiToJsonSchema(value: unknown, documentId: string): Json {
  return convert(value as Json, documentId);
}

function convert(value: Json, documentId: string): Json {
  if (Array.isArray(value)) return value.map((item) => convert(item, documentId));
  if (value === null || typeof value !== "object") return value;

  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref" && typeof child === "string" && child.startsWith("#/")) out[key] = `${documentId}${child}`;
    else if (key !== "nullable") out[key] = convert(child, documentId);
  }
  if (value.nullable !== true) return out;

  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}
