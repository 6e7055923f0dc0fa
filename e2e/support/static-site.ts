import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticSite {
  /** `http://localhost:<port>`: another site than Parley's `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

export interface StaticFile {
  type: string;
  body: string | Buffer;
}

/**
 * A second web server, the developer's own site: a page that embeds the meeting, or an app built on
 * the SDK. It serves `files` by path and 404 for anything else.
 */
export async function serveStaticSite(files: Record<string, StaticFile>): Promise<StaticSite> {
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps its connections open; they would hold the server up.
        server.closeAllConnections();
      }),
  };
}
