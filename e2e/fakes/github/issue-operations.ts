import { emitIssueComment, emitLabeled, eventSource } from "./repo-events";
import { issueComment, label } from "./repo-objects";
import { bodyOf, findPull, forRepo, validationFailed } from "./repo-request";
import { timestamp } from "./repo-store";
import { listResult, notFound, type RestOperation } from "./rest-operation";

const REPO = ["repo"];
const DOCS = "https://docs.github.com/rest/issues";

type LabelInput = string | { name: string };

/** The issue side of a pull request (labels, conversation); only pull requests exist as issues here. */
export const issueOperations: RestOperation[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    operationId: "issues/add-labels",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/labels#add-labels-to-an-issue`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const raw = request.body;
      const given: LabelInput[] = Array.isArray(raw) ? (raw as LabelInput[]) : ((bodyOf(request).labels as LabelInput[] | undefined) ?? []);
      const names = given.map((item) => (typeof item === "string" ? item : item.name));
      if (names.length === 0 || names.some((name) => !name.trim())) {
        return validationFailed(request, { resource: "Label", field: "name", code: "missing_field" });
      }
      const added = [...new Set(names)].filter((name) => !pull.labels.includes(name));
      pull.labels.push(...added);
      if (added.length > 0) pull.updatedAt = timestamp();
      for (const name of added) await emitLabeled(eventSource(request, repo), pull, name);
      return { status: 200, body: pull.labels.map((name) => label(repo, request.urls, name)) };
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    operationId: "issues/create-comment",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/comments#create-an-issue-comment`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const { body } = bodyOf(request) as { body: string };
      if (!body.trim()) return validationFailed(request, { resource: "IssueComment", field: "body", code: "missing_field" });
      const comment = repo.store.addComment(pull, request.token.login, body);
      await emitIssueComment(eventSource(request, repo), pull, comment);
      return {
        status: 201,
        body: issueComment(repo, request.state, request.urls, pull, comment),
        headers: { location: `${request.urls.api}/repos/${repo.fullName}/issues/comments/${comment.id}` },
      };
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    operationId: "issues/list-comments",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/comments#list-issue-comments`,
    handle: forRepo((request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      return listResult(
        pull.comments.map((comment) => issueComment(repo, request.state, request.urls, pull, comment)),
        request,
      );
    }),
  },
];
