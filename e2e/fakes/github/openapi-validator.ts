import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { openapiToJsonSchema } from "./openapi-to-json-schema";

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

interface OpenApiOperation {
  operationId: string;
  requestBody?: Reference | { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, Reference | { content?: Record<string, { schema?: unknown }> }>;
}

type Reference = { $ref: string };

export interface OpenApiValidator {
  /** Problems with a response this operation is about to send; empty when it matches GitHub's description. */
  validateResponse(operationId: string, status: number, body: unknown): string[];
  /** Problems with a JSON request body the operation received. */
  validateRequestBody(operationId: string, body: unknown): string[];
  /** Problems with a value against a named component schema (e.g. `basic-error`). */
  validateComponent(name: string, value: unknown): string[];
}

const DOCUMENT_ID = "github";
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

export function openapiValidator(document: OpenApiDocument): OpenApiValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: openapiToJsonSchema(document.components ?? {}, DOCUMENT_ID) });

  const operations = new Map<string, OpenApiOperation>();
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as OpenApiOperation | undefined;
      if (operation?.operationId) operations.set(operation.operationId, operation);
    }
  }

  const compiled = new Map<string, ValidateFunction>();
  const check = (key: string, schema: unknown, value: unknown, label: string): string[] => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(openapiToJsonSchema(schema, DOCUMENT_ID) as object);
      compiled.set(key, validate);
    }
    return validate(value) ? [] : describeErrors(label, validate.errors ?? []);
  };

  const resolve = <T>(item: T | Reference): T => {
    if (!item || typeof item !== "object" || !("$ref" in item)) return item as T;
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(item.$ref) ?? [];
    return document.components?.[section ?? ""]?.[name ?? ""] as T;
  };

  const operation = (operationId: string): OpenApiOperation => {
    const found = operations.get(operationId);
    if (!found) throw new Error(`fake GitHub: ${operationId} is not in openapi-subset.json; regenerate it (see README)`);
    return found;
  };

  return {
    validateResponse(operationId, status, body) {
      const described = operation(operationId).responses;
      const label = `${operationId} ${status}`;
      // Note: GitHub answers 404 on every endpoint (an unknown repository, pull request...), described or not.
      if (status === 404 && !described["404"] && !described.default)
        return check("component:basic-error", { $ref: "#/components/schemas/basic-error" }, body, label);
      const response = resolve(described[String(status)] ?? described.default);
      if (!response) return [`${label}: GitHub's description has no ${status} response for this operation`];
      const schema = response.content?.["application/json"]?.schema;
      if (status === 204 || status === 304) return body === undefined ? [] : [`${label}: must have no body`];
      // Note: where GitHub describes a status without content (many 404s), it still
      // sends a basic-error body; there is nothing to compare that body with.
      if (!schema) return [];
      if (body === undefined) return [`${label}: a JSON body is described but none was sent`];
      return check(`response:${operationId}:${status}`, schema, body, label);
    },
    validateRequestBody(operationId, body) {
      const requestBody = resolve(operation(operationId).requestBody) as { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined;
      const schema = requestBody?.content?.["application/json"]?.schema;
      if (body === undefined && requestBody?.required !== true) return [];
      if (!schema) return body === undefined ? [] : [`${operationId} request: GitHub's description takes no body`];
      return check(`request:${operationId}`, schema, body, `${operationId} request`);
    },
    validateComponent(name, value) {
      return check(`component:${name}`, { $ref: `#/components/schemas/${name}` }, value, name);
    },
  };
}

const MAX_REPORTED = 20;

function describeErrors(label: string, errors: ErrorObject[]): string[] {
  const more = errors.length > MAX_REPORTED ? [`${label}: ... and ${errors.length - MAX_REPORTED} more`] : [];
  return errors
    .slice(0, MAX_REPORTED)
    .map((error) => {
      const detail = error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : "";
      return `${label}: ${error.instancePath || "(body)"} ${error.message ?? "is invalid"}${detail}`;
    })
    .concat(more);
}
