import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { yamlCorpus } from "../testing/yaml-corpus";
import { editAccess } from "./access/edit-access";
import { currentMetadata } from "./metadata/current-metadata";
import { editMetadata } from "./metadata/edit-metadata";
import { namespaceFolderFromFiles } from "./namespace-folder-from-files";

const now = new Date("2026-12-05T00:00:00Z");
const folders = yamlCorpus().sampleFolders.map((f) => namespaceFolderFromFiles({ files: f.files, clusterDomain: f.domain, name: f.name, profile }));

describe("metadata and access edits over every folder of the default sample repository", () => {
  it("answering today's values changes nothing", () => {
    for (const folder of folders) {
      const { application, slackChannel, sourceCode, team, isProduction, environment, ownerName, ownerEmail } = currentMetadata(folder.record);
      const answers = { application: application!, slackChannel: slackChannel!, sourceCode: sourceCode!, team: team!, isProduction, environment: environment! };
      expect(editMetadata(folder, { ...answers, ownerName: ownerName!, ownerEmail: ownerEmail! }, profile), folder.record.name).toEqual({
        ok: true,
        files: [],
        notes: [],
      });
      expect(editAccess(folder, { add: folder.record.teams, remove: [] }).ok).toBe(true);
      expect(editAccess(folder, { add: folder.record.teams, remove: [] })).toMatchObject({ files: [] });
    }
  });

  it("one change changes one line of 00-namespace.yaml, and adding a team adds three lines to 01-rbac.yaml", () => {
    for (const folder of folders) {
      const before = folder.files.get("00-namespace.yaml")!;
      const result = editMetadata(folder, { slackChannel: "changed-channel", renewMonths: 6 }, profile, { now });
      if (!result.ok) throw new Error(`${folder.record.name}: ${JSON.stringify(result.errors)}`);
      const after = result.files[0]!.content!.split("\n");
      const lines = before.split("\n");
      const changed = after.filter((line, i) => line !== lines[i]);
      expect(after.length, folder.record.name).toBe(lines.length);
      expect(changed.map((l) => l.trim().replace(/:.*/, "")).sort(), folder.record.name).toEqual([
        `${profile.labelPrefix}/review-after`,
        `${profile.labelPrefix}/slack-channel`,
      ]);
      const access = editAccess(folder, { add: ["added-team"], remove: [] });
      if (!access.ok) throw new Error(`${folder.record.name}: ${JSON.stringify(access.errors)}`);
      expect(access.files.map((f) => f.path)).toEqual([`${folder.record.path}/01-rbac.yaml`]);
      expect(access.files[0]!.content!.split("\n").length - folder.files.get("01-rbac.yaml")!.split("\n").length).toBe(3);
      // The index reads the edited folder as intended: one more owner, everything else as it was.
      const files = Object.fromEntries(folder.files);
      files["01-rbac.yaml"] = access.files[0]!.content!;
      files["00-namespace.yaml"] = result.files[0]!.content!;
      const reread = namespaceFolderFromFiles({ files, clusterDomain: folder.record.clusterDomain, name: folder.record.name, profile }).record;
      expect(reread).toEqual({
        ...folder.record,
        teams: [...folder.record.teams, "added-team"].sort(),
        slackChannel: "changed-channel",
        reviewAfter: "2027-06-05",
      });
    }
  });
});
