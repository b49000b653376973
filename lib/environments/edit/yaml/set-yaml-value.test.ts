import { describe, expect, it } from "vitest";
import { messyYaml } from "../../testing/messy-yaml";
import { loadAllYaml } from "../../testing/load-all-yaml";
import { setYamlValue } from "./set-yaml-value";
import { YamlEditError } from "./yaml-source";

const P = "cloud-platform.justice.gov.uk";
const ns = messyYaml["00-namespace.yaml"]!;
const path = (name: string) => ["metadata", "annotations", `${P}/${name}`];

describe("setYamlValue", () => {
  it("replaces a plain value in place, plain when it can stay plain", () => {
    const out = setYamlValue(ns, 0, path("team-name"), "orders-admins");
    expect(out).toBe(ns.replace("team-name: orders-team", "team-name: orders-admins"));
  });

  it("quotes a new value that plain style would misread, and keeps single and double quotes", () => {
    expect(setYamlValue(ns, 0, path("team-name"), "no")).toBe(ns.replace("team-name: orders-team", 'team-name: "no"'));
    expect(setYamlValue(ns, 0, ["metadata", "labels", `${P}/environment-name`], "it's")).toBe(
      ns.replace("environment-name: 'production'", "environment-name: 'it''s'"),
    );
    expect(setYamlValue(ns, 0, ["metadata", "labels", `${P}/is-production`], "false")).toBe(
      ns.replace('is-production: "true"   # yes', 'is-production: "false"   # yes'),
    );
  });

  it("keeps a >- folded scalar folded, at its indentation, for a one-line value", () => {
    const out = setYamlValue(ns, 0, path("application"), "Orders: the service");
    expect(out).toBe(ns.replace("      Orders: the service that takes\n      orders from prisons", "      Orders: the service"));
  });

  it("writes a value a folded scalar cannot hold double-quoted, on the header's line", () => {
    const out = setYamlValue(ns, 0, path("application"), "two\nlines");
    expect(out).toBe(ns.replace(">-\n      Orders: the service that takes\n      orders from prisons", '"two\\nlines"'));
  });

  it("keeps CRLF and a missing final newline", () => {
    const crlf = messyYaml["00-namespace-crlf.yaml"]!;
    expect(setYamlValue(crlf, 0, path("team-name"), "x-team")).toBe(crlf.replace("team-name: orders-team", "team-name: x-team"));
    const noEol = messyYaml["00-namespace-no-eol.yaml"]!;
    const out = setYamlValue(noEol, 0, path("slack-alert-channel"), "new-alerts");
    expect(out).toBe(noEol.replace(/orders-alerts$/, "new-alerts"));
  });

  it("fills an empty value after its colon, before its comment", () => {
    const text = "a:\n  b:   # to do\n  c: 1\n";
    expect(setYamlValue(text, 0, ["a", "b"], "x y")).toBe('a:\n  b: "x y"   # to do\n  c: 1\n');
  });

  it("edits the second document of a stream and leaves the first alone", () => {
    const rbac = messyYaml["01-rbac.yaml"]!;
    const out = setYamlValue(rbac, 1, ["metadata", "name"], "helpdesk-view");
    expect(out).toBe(rbac.replace("name: helpdesk-read-only", "name: helpdesk-view"));
    expect(loadAllYaml(out)[0]).toEqual(loadAllYaml(rbac)[0]);
  });

  it("refuses a value its aliases repeat, and what is not a scalar", () => {
    const anchors = messyYaml["09-anchors.yaml"]!;
    expect(() => setYamlValue(anchors, 0, ["defaults", "cpu"], "200m")).toThrow(YamlEditError);
    expect(() => setYamlValue(anchors, 0, ["limits"], "x")).toThrow(/not a single value/);
    expect(setYamlValue(anchors, 0, ["limits", 0, "type"], "Pod")).toBe(anchors.replace("type: Container", "type: Pod"));
  });
});
