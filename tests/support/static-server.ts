/**
 * A small static file server for the built site, so browser tests see what GitHub Pages would
 * serve: directory URLs answer with their index.html, a directory without its trailing slash is
 * redirected, and anything missing gets 404.html with status 404. Listens on 127.0.0.1 only, on
 * a port the system picks.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { basePath, distDir, unserved } from './site-dir';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
};

/** Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pagefind) and anything unknown. */
const binary = 'application/octet-stream';

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? binary;
}

export interface StaticServer {
  /** e.g. "http://127.0.0.1:40123" */
  origin: string;
  /** Full address of a site path, base path included: url('/blueprints/') */
  url(path: string): string;
  close(): Promise<void>;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export async function startStaticServer(options: { root?: string; base?: string; port?: number } = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? distDir());
  const base = options.base ?? basePath();
  if (!statOf(join(root, 'index.html'))?.isFile()) {
    throw new Error(`No built site in ${root}: run "npm run build" (or set DIST_DIR to where you built it).`);
  }

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string) => {
    const stats = statSync(file);
    res.writeHead(status, { 'content-type': contentTypeOf(file), 'content-length': stats.size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = join(root, '404.html');
    if (statOf(page)?.isFile()) return send(req, res, 404, page);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound(req, res);
    }
    const sitePath = unserved(pathname, base);
    if (sitePath === undefined || sitePath.includes('\0')) return notFound(req, res);
    const file = resolve(root, `.${sitePath}`);
    // Never serve anything outside the built site, whatever the request path says.
    if (file !== root && !file.startsWith(root + sep)) return notFound(req, res);
    const stats = statOf(file);
    if (stats?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/${url.search}` });
        return res.end();
      }
      const index = join(file, 'index.html');
      return statOf(index)?.isFile() ? send(req, res, 200, index) : notFound(req, res);
    }
    if (stats?.isFile()) return send(req, res, 200, file);
    return notFound(req, res);
  };

  const server = createServer(handle);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + base + path.replace(/^\//, ''),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
