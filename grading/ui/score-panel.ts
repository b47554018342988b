/**
 * A vite plugin that puts the score beside vitest's browser UI (`npm run ui`):
 * each task's points and bar, the exercise's total, and the staged hint of
 * every task short of full marks, redrawn when a run ends.
 *
 * It acts only on a server that serves vitest's UI (@vitest/ui's `vitest:ui`
 * plugin is present): anywhere else (`npm test`, a watch, a grade, a project's
 * own server) it adds nothing. There it
 *
 * - opens this process's score file (grading/ui/score-file.ts), which the
 *   learner's reporter fills at the end of every run;
 * - serves that score at `/__faultline__/score.json`, and as server-sent
 *   events at `/__faultline__/events`: one event on connecting, then one each
 *   time a run's score is written;
 * - adds the panel's script and styles (`panel.js`, `panel.css` beside this
 *   file) to the UI's page. @vitest/ui writes that page from its own
 *   middleware rather than through vite's `transformIndexHtml`, so the
 *   response of the UI's base path is rewritten on its way out.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { ROOT } from '../paths.ts';
import { closeUiScore, openUiScore, readUiScore, uiScoreFile } from './score-file.ts';

/** Where the panel's score, events and assets are served. */
export const PANEL_PATH = '/__faultline__/';
const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  'panel.js': { file: path.join(ROOT, 'grading', 'ui', 'panel.js'), type: 'text/javascript; charset=utf-8' },
  'panel.css': { file: path.join(ROOT, 'grading', 'ui', 'panel.css'), type: 'text/css; charset=utf-8' },
};
const TAGS = `<link rel="stylesheet" href="${PANEL_PATH}panel.css"><script src="${PANEL_PATH}panel.js" defer></script>`;
/** How often the score file is checked for a new run, in milliseconds. */
const WATCH_INTERVAL_MS = 200;

export function scorePanel(): Plugin {
  return {
    name: 'faultline:score-panel',
    apply: 'serve',
    configureServer(server) {
      if (!server.config.plugins.some((plugin) => plugin.name === 'vitest:ui')) return;
      servePanel(server, server.config.test?.uiBase ?? '/__vitest__/');
    },
  };
}

function servePanel(server: ViteDevServer, uiBase: string): void {
  const file = uiScoreFile();
  openUiScore(file);
  const listeners = new Set<ServerResponse>();
  let sent = -1;
  const score = (): string => JSON.stringify(readUiScore(file));
  const onChange = (): void => {
    const current = readUiScore(file);
    if (current.run === sent) return;
    sent = current.run;
    for (const res of listeners) res.write(`data: ${JSON.stringify(current)}\n\n`);
  };
  fs.watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, onChange);
  // The session ends with its server (vitest restarts it on a config change, and runs again), or with the process.
  const onExit = (): void => closeUiScore(file);
  process.once('exit', onExit);
  server.httpServer?.once('close', () => {
    fs.unwatchFile(file, onChange);
    process.off('exit', onExit);
    for (const res of listeners) res.end();
    closeUiScore(file);
  });

  server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === uiBase) {
      injectTags(res);
      return next();
    }
    if (!pathname.startsWith(PANEL_PATH)) return next();
    const name = pathname.slice(PANEL_PATH.length);
    if (name === 'score.json') return send(res, 'application/json; charset=utf-8', score());
    if (name === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(`data: ${score()}\n\n`);
      listeners.add(res);
      req.once('close', () => listeners.delete(res));
      return;
    }
    const asset = ASSETS[name];
    if (asset === undefined) return next();
    fs.readFile(asset.file, 'utf8', (error, text) => (error ? next() : send(res, asset.type, text)));
  });
}

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  res.end(body);
}

type Chunk = string | Uint8Array;

/** Adds the panel's tags to the end of the `<head>` of the HTML page `res` is about to send. */
function injectTags(res: ServerResponse): void {
  const chunks: Buffer[] = [];
  const end = res.end.bind(res);
  const take = (chunk: unknown, encoding: unknown): void => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: Chunk, encoding?: unknown, callback?: unknown) => {
    take(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (typeof chunk !== 'function') take(chunk, encoding);
    const done = [chunk, encoding, callback].find((arg): arg is () => void => typeof arg === 'function');
    const raw = Buffer.concat(chunks);
    const html = String(res.getHeader('content-type') ?? '').startsWith('text/html') ? raw.toString('utf8') : '';
    const body: Chunk = html.includes('</head>') ? html.replace('</head>', `${TAGS}</head>`) : raw;
    if (body !== raw) res.removeHeader('content-length');
    if (done !== undefined) res.once('finish', done);
    return end(body);
  }) as ServerResponse['end'];
}
