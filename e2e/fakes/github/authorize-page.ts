import type { FakeUser } from "./github-state";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main>
${body}
</main></body>
</html>
`;
}

/**
 * GitHub's consent screen, reduced to what a test needs: the requested
 * scopes and one labelled button per user. The authorize parameters ride
 * along in hidden inputs so the POST can finish the flow.
 */
export function authorizePage(params: Record<string, string>, scopes: string[], users: FakeUser[]): string {
  const hidden = Object.entries(params)
    .filter(([name]) => name !== "login")
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const scopeList = scopes.length
    ? `<ul>${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join("")}</ul>`
    : "<p>No scopes (public information only).</p>";
  const suggested = params.login;
  const ordered = [...users].sort((a, b) => Number(b.login === suggested) - Number(a.login === suggested));
  const buttons = ordered.length
    ? `<ul>${ordered
        .map((user) => `<li><button type="submit" name="login" value="${escapeHtml(user.login)}">Sign in as ${escapeHtml(user.login)}</button></li>`)
        .join("\n")}</ul>`
    : "<p>No users yet: create one with POST /_fake/users.</p>";
  return page(
    "Sign in to GitHub (test double)",
    `<h1>Sign in to GitHub (test double)</h1>
<h2>Requested scopes</h2>
${scopeList}
<h2>Choose a user</h2>
<form method="post" action="/login/oauth/authorize">
${hidden}
${buttons}
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
