// The web UI's files, served by the collector itself (no CDN, nothing fetched at run time).
//
// The built folder (dist/collector/ui/web) is read once at start-up into memory: the UI is a
// few small files, and serving from memory means no path from a URL ever reaches the file
// system. The files hold code only; every piece of data the UI shows comes from the
// authenticated API, so they are served without a token, like a login page.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PACKAGE_ROOT } from '../../agent/version.js';

/** Where `npm run build` puts the compiled UI. */
export const UI_BUILD_DIR = join(PACKAGE_ROOT, 'dist', 'collector', 'ui', 'web');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

// Scripts, styles and connections only from the collector itself; the UI is never framed.
// 'self' covers the same-origin ws:// or wss:// stream in current browsers (CSP level 3).
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

export class UiAssetsMissing extends Error {
  constructor(dir: string, cause: string) {
    super(`the web UI is not built (${dir}: ${cause}); run \`npm run build\``);
    this.name = 'UiAssetsMissing';
  }
}

export class UiAssets {
  private constructor(private readonly files: ReadonlyMap<string, Asset>) {}

  /** Reads every servable file of `dir` (not recursive: the UI build is flat). */
  static load(dir: string = UI_BUILD_DIR): UiAssets {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (err) {
      throw new UiAssetsMissing(dir, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
    }
    const files = new Map<string, Asset>();
    for (const name of names) {
      const type = TYPES[extname(name)];
      const path = join(dir, name);
      if (!type || !statSync(path).isFile()) continue;
      const body = readFileSync(path);
      files.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
    }
    if (!files.has('index.html')) throw new UiAssetsMissing(dir, 'no index.html');
    return new UiAssets(files);
  }

  get size(): number {
    return this.files.size;
  }

  /** `GET /` is the page; `GET /ui/<file>` its scripts and styles. */
  register(app: FastifyInstance): void {
    const send = async (name: string, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const asset = this.files.get(name);
      if (!asset) return reply.code(404).send({ error: `no such UI file: ${name}` });
      void reply.headers(SECURITY_HEADERS).header('ETag', asset.etag).header('Cache-Control', 'no-cache');
      if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.type(asset.type).send(asset.body);
    };
    app.get('/', { config: { public: true } }, async (req, reply) => send('index.html', req, reply));
    app.get<{ Params: { file: string } }>('/ui/:file', { config: { public: true } }, async (req, reply) => send(req.params.file, req, reply));
  }
}
