import { describe, expect, it } from "vitest";
import { openapiValidator, type OpenApiDocument } from "./openapi-validator";

const document: OpenApiDocument = {
  paths: {
    "/things/{id}": {
      get: {
        operationId: "things/get",
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/thing" } } } },
          "404": { $ref: "#/components/responses/not_found" },
        },
      },
      put: {
        operationId: "things/update",
        requestBody: {
          content: { "application/json": { schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } } } },
        },
        responses: { "204": { description: "Updated" } },
      },
    },
  },
  components: {
    schemas: {
      thing: {
        type: "object",
        required: ["id", "label", "parent"],
        properties: {
          id: { type: "integer" },
          label: { type: "string", nullable: true, enum: ["a", "b"] },
          parent: { nullable: true, allOf: [{ $ref: "#/components/schemas/ref" }] },
          url: { type: "string", format: "uri" },
        },
      },
      ref: { type: "object", required: ["id"], properties: { id: { type: "integer" } } },
      "basic-error": { type: "object", properties: { message: { type: "string" } } },
    },
    responses: { not_found: { content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } } } },
  },
};

describe("openapiValidator", () => {
  const validator = openapiValidator(document);

  it("accepts a body matching the operation's schema, with OpenAPI's nullable as null", () => {
    expect(validator.validateResponse("things/get", 200, { id: 1, label: null, parent: null, url: "http://x.test/1" })).toEqual([]);
    expect(validator.validateResponse("things/get", 200, { id: 1, label: "a", parent: { id: 2 } })).toEqual([]);
  });

  it("reports every mismatch, through $refs, enums and formats", () => {
    const problems = validator.validateResponse("things/get", 200, { id: "1", label: "c", parent: {}, url: "not a url" });
    expect(problems.join("\n")).toMatch(/\/id must be integer/);
    expect(problems.join("\n")).toMatch(/\/label must be equal to one of the allowed values/);
    expect(problems.join("\n")).toMatch(/\/parent must have required property 'id'/);
    expect(problems.join("\n")).toMatch(/\/url must match format "uri"/);
  });

  it("resolves responses given as component references", () => {
    expect(validator.validateResponse("things/get", 404, { message: "Not Found" })).toEqual([]);
    expect(validator.validateResponse("things/get", 404, { message: 404 })).toHaveLength(1);
  });

  it("treats a status the description does not list as a violation", () => {
    expect(validator.validateResponse("things/get", 418, {})).toEqual(["things/get 418: GitHub's description has no 418 response for this operation"]);
  });

  it("insists a 204 has no body", () => {
    expect(validator.validateResponse("things/update", 204, undefined)).toEqual([]);
    expect(validator.validateResponse("things/update", 204, {})).toEqual(["things/update 204: must have no body"]);
  });

  it("checks request bodies against requestBody, and bodies sent where none is described", () => {
    expect(validator.validateRequestBody("things/update", { name: "x" })).toEqual([]);
    expect(validator.validateRequestBody("things/update", { name: 1 })).toEqual(['things/update request: /name must be string {"type":"string"}']);
    expect(validator.validateRequestBody("things/get", undefined)).toEqual([]);
    expect(validator.validateRequestBody("things/get", { surprise: true })).toHaveLength(1);
  });

  it("refuses an operation that is not in the subset, naming the fix", () => {
    expect(() => validator.validateResponse("things/delete", 204, undefined)).toThrow(/regenerate/);
  });
});
