import { z } from "zod";
import { namespaceRequestSchema } from "../../requests/namespace-request";

const teams = z.array(namespaceRequestSchema.shape.team, { error: "give a list of GitHub team slugs" }).max(20, "at most 20 teams in one edit");

/**
 * An access edit's answers: GitHub team slugs to bind and to unbind (checked
 * like a new request's team), to ClusterRole admin by default or to the
 * narrower role `role` names (`read-only`, or `Role/read-only`) where the
 * namespace already has a RoleBinding for it.
 */
export const accessAnswersSchema = z
  .object({
    add: teams.default([]),
    remove: teams.default([]),
    role: z
      .string({ error: "the role must be a role's name, e.g. read-only" })
      .trim()
      .min(1, "enter the role's name, or leave it out for admin")
      .max(253)
      .optional(),
  })
  .strict()
  .superRefine((answers, ctx) => {
    answers.remove.forEach((team, i) => {
      if (answers.add.includes(team)) ctx.addIssue({ code: "custom", path: ["remove", i], message: `${team} is both added and removed` });
    });
  });

export type AccessAnswers = z.output<typeof accessAnswersSchema>;
