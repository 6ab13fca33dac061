// A plain static file server for dist/, as a municipal web server would be: it serves files
// under a sub-folder (no rewrite rules, unknown paths are 404) with the usual MIME types, and
// optionally the strict Content-Security-Policy from docs/hosten.md. Used by `scripts/serve.sh`
// and by the browser tests. Listens on 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `mounts` ({ urlPrefix: directory }) on 127.0.0.1:port (0 = any free port).
 * `onRequest(url)` sees every request (the tests record them).
 */
export function serve({ mounts, port = 0, csp = false, onRequest = () => {} }) {
  const server = createServer(async (req, res) => {
    onRequest(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    const prefix = Object.keys(mounts).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    if (!prefix) return notFound(res);
    const root = resolve(mounts[prefix]);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
      if (csp) headers['Content-Security-Policy'] = csp === true ? CSP : csp;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      notFound(res);
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Niet gevonden');
}

// `node tests/browser/serve.mjs [port] [sub-folder]`: serve dist/ for a person to look at.
if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] || 8080);
  const folder = (process.argv[3] || '/sociaal-domein/monitor/').replace(/\/?$/, '/');
  const dist = resolve(new URL('../../dist', import.meta.url).pathname);
  await serve({ mounts: { [folder]: dist }, port, csp: true });
  console.log(`De monitor draait op http://127.0.0.1:${port}${folder}  (stoppen: Ctrl+C)`);
}
