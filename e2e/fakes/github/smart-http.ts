import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { sendJson } from "./http-io";

/**
 * Serves the bare repository over git's smart HTTP protocol at
 * `/<owner>/<repo>.git/...` by running `git http-backend` as a CGI program.
 * Note: read-only on purpose; a push over HTTP would move branches behind the
 * fake's back (no push or synchronize webhooks), so receive-pack is refused.
 * Anonymous reads are served; Basic credentials must carry a valid token as
 * the password (`validToken`), or the answer is 401.
 */
export function smartHttp(bareRepoPath: string, prefix: string, validToken: (password: string) => boolean) {
  const root = path.dirname(path.resolve(bareRepoPath));
  const folder = path.basename(path.resolve(bareRepoPath));

  return function serve(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const rest = url.pathname.slice(prefix.length);
    if (url.searchParams.get("service") === "git-receive-pack" || rest === "/git-receive-pack") {
      return sendJson(response, 403, { message: "fake GitHub: the repository is read-only over HTTP; use the REST API" });
    }
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? "");
    };
    const basic = /^basic\s+(\S+)$/i.exec(header("authorization"))?.[1];
    const [basicUser = "", ...password] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
    if (basic !== undefined && !validToken(password.join(":"))) {
      return sendJson(response, 401, { message: "Invalid username or token." }, { "www-authenticate": 'Basic realm="GitHub"' });
    }
    const env: Record<string, string> = {
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      GATEWAY_INTERFACE: "CGI/1.1",
      PATH_INFO: `/${folder}${rest}`,
      QUERY_STRING: url.search.replace(/^\?/, ""),
      REQUEST_METHOD: request.method ?? "GET",
      CONTENT_TYPE: header("content-type"),
      REMOTE_ADDR: request.socket.remoteAddress ?? "127.0.0.1",
      REMOTE_USER: basicUser,
      HTTP_CONTENT_ENCODING: header("content-encoding"),
      HTTP_GIT_PROTOCOL: header("git-protocol"),
    };
    if (request.headers["content-length"] !== undefined) env.CONTENT_LENGTH = header("content-length");

    // Note: PATH and HOME come from the parent; any GIT_DIR-like variable it has would point http-backend elsewhere.
    const cgiEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(cgiEnv)) if (name.startsWith("GIT_")) delete cgiEnv[name];
    const child = spawn("git", ["http-backend"], { env: Object.assign(cgiEnv, env), stdio: ["pipe", "pipe", "pipe"] });
    request.pipe(child.stdin);
    child.stdin.on("error", () => undefined);
    const errors: Buffer[] = [];
    child.stderr.on("data", (chunk: Buffer) => errors.push(chunk));

    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf("\r\n\r\n");
      const lf = head.indexOf("\n\n");
      const end = crlf !== -1 && (lf === -1 || crlf < lf) ? { at: crlf, length: 4 } : lf !== -1 ? { at: lf, length: 2 } : undefined;
      if (!end) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end.at).toString("latin1").split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon === -1) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.write(head.subarray(end.at + end.length));
    });
    child.on("close", (code) => {
      if (!headersDone) {
        const message = Buffer.concat(errors).toString("utf8").trim();
        return sendJson(response, 500, { message: `git http-backend exited with ${code}: ${message}` });
      }
      response.end();
    });
    child.on("error", (error) => {
      if (!response.headersSent) sendJson(response, 500, { message: `git http-backend: ${error.message}` });
      else response.end();
    });
  };
}
