import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../../profile/profile";
import { messyFolderFiles } from "../../testing/messy-yaml";
import { namespaceFolderFromFiles } from "../namespace-folder-from-files";
import { parseEditAnswers } from "../parse-edit-answers";
import { accessOperation, editAccess } from "./edit-access";

const LIVE = "live.cloud-platform.service.justice.gov.uk";
const dir = `namespaces/${LIVE}/orders-prod`;
const edit = (files: Record<string, string>, input: unknown) => {
  const parsed = parseEditAnswers(accessOperation, input);
  if (!parsed.ok) return parsed;
  return editAccess(namespaceFolderFromFiles({ files, clusterDomain: LIVE, name: "orders-prod", profile }), parsed.answers);
};

describe("access edit", () => {
  const files = messyFolderFiles();
  const rbac = files["01-rbac.yaml"]!;
  const support = '  - kind: Group\n    name: "github:orders-support" # added for the 2024 migration\n    apiGroup: rbac.authorization.k8s.io\n';

  it("adds a team to 01-rbac.yaml's admin binding, written like its last subject, after it", () => {
    const result = edit(files, { add: ["payments-ops"] });
    const added = '  - kind: Group\n    name: "github:payments-ops"\n    apiGroup: rbac.authorization.k8s.io\n';
    expect(result).toEqual({ ok: true, files: [{ path: `${dir}/01-rbac.yaml`, content: rbac.replace(support, support + added) }], notes: [] });
  });

  it("removes a team with its trailing comment, keeping everything else byte for byte, in CRLF too", () => {
    expect(edit(files, { remove: ["orders-support"] })).toEqual({
      ok: true,
      files: [{ path: `${dir}/01-rbac.yaml`, content: rbac.replace(support, "") }],
      notes: [],
    });
    const crlf = messyFolderFiles("-crlf");
    const result = edit(crlf, { remove: ["orders-support"] });
    expect(result).toMatchObject({ ok: true, files: [{ content: crlf["01-rbac.yaml"]!.replace(support.replaceAll("\n", "\r\n"), "") }] });
  });

  it("deletes a binding's own file when its only team is removed", () => {
    expect(edit(files, { remove: ["payments"] })).toEqual({ ok: true, files: [{ path: `${dir}/07-rbac-payments.yml`, content: null }], notes: [] });
  });

  it("edits a narrower role's binding when asked, in its own style", () => {
    const result = edit(files, { role: "read-only", add: ["auditors"], remove: ["helpdesk"] });
    const before =
      "-   apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: github:helpdesk\n- kind: User\n  name: jane-doe\n  apiGroup: rbac.authorization.k8s.io\n";
    // The dash as the list's last item writes it, the keys in the order and quoting of its last team.
    const after =
      "- kind: User\n  name: jane-doe\n  apiGroup: rbac.authorization.k8s.io\n- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: github:auditors\n";
    expect(result).toMatchObject({ ok: true, files: [{ path: `${dir}/01-rbac.yaml`, content: rbac.replace(before, after) }] });
  });

  it("never removes the last admin team, nor the last of 01-rbac.yaml", () => {
    expect(edit(files, { remove: ["orders-team", "orders-support", "payments"] })).toEqual({
      ok: false,
      errors: { remove: "orders-team, orders-support, payments cannot be removed: orders-prod must keep at least one team bound to admin (its owners)" },
    });
    expect(edit(files, { remove: ["orders-team", "orders-support"] })).toEqual({
      ok: false,
      errors: { remove: expect.stringMatching(/01-rbac.yaml must keep a team.*check-permissions/) },
    });
    // Replacing the owners in one edit is fine.
    const swapped = edit(files, { remove: ["orders-team", "orders-support"], add: ["orders-new"] });
    expect(swapped).toMatchObject({ ok: true, files: [{ path: `${dir}/01-rbac.yaml` }] });
  });

  it("names the field of each mistake; a team already bound changes nothing", () => {
    expect(edit(files, { add: ["Orders Team"] })).toMatchObject({ ok: false, errors: { "add.0": expect.stringMatching(/GitHub team slug/) } });
    expect(edit(files, { remove: ["nobody"] })).toEqual({ ok: false, errors: { "remove.0": "nobody is not bound to ClusterRole admin in orders-prod" } });
    expect(edit(files, { role: "editor", add: ["x"] })).toEqual({
      ok: false,
      errors: { role: "orders-prod has no RoleBinding to role editor; its bindings are to ClusterRole/admin, Role/read-only" },
    });
    expect(edit(files, { add: ["x"], remove: ["x"] })).toMatchObject({ ok: false, errors: { "remove.0": "x is both added and removed" } });
    expect(edit(files, { add: ["payments"] })).toEqual({
      ok: true,
      files: [],
      notes: ["payments is already bound to ClusterRole admin in orders-prod; nothing to add."],
    });
  });
});
