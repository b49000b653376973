import { describe, expect, it } from "vitest";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { validateNamespaceRequest } from "@/lib/environments/requests/namespace-request";
import { cloudPlatformProfile as profile } from "@/lib/environments/profile/profile";
import { formFieldErrors, toRequest, type FormAnswers } from "./namespace-answers";

const form: FormAnswers = { ...namespaceRequestFixture(), kind: "namespace", prototypeRepository: "visits-proto", prototypeDeployPr: true };

describe("the request form's answers", () => {
  it("send a plain namespace without the prototype's fields", () => {
    expect(toRequest(form)).toEqual(namespaceRequestFixture());
  });

  it("name a prototype site after its repository, with the consent as given, in a shape the server accepts", () => {
    const request = toRequest({ ...form, kind: "prototype", name: "left-over" });
    expect(request).toMatchObject({ name: "visits-proto", prototype: { repository: "visits-proto", deployPullRequest: true } });
    expect(validateNamespaceRequest(request, profile)).toMatchObject({ ok: true });
  });

  it("put the server's prototype errors on the form's own fields", () => {
    expect(formFieldErrors({ "prototype.repository": "bad", "prototype.deployPullRequest": "say", name: "taken" })).toEqual({
      prototypeRepository: "bad",
      prototypeDeployPr: "say",
      name: "taken",
    });
  });
});
