// Screenshots of the built UI in headless Chromium, with scripts/mock-tauri.js standing in
// for the Rust side. For looking at the screens, not a test; needs `npm run build` first and
// a Chromium (Debian: apt-get install chromium).
//
//   node scripts/screenshots.mjs [OUT_DIR]     (default: $TMPDIR/ykien-shots)

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '../dist');
const out = resolve(process.argv[2] ?? join(tmpdir(), 'ykien-shots'));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

const SHOTS = [
  // name, scenario, clicks, window size
  ['setup', 'setup', [], '1200,800'],
  ['setup-small', 'setup', [], '960,640'],
  ['setup-errors', 'setup', ['#office-save'], '1200,800'],
  ['open-error', 'open-error', [], '1200,800'],
  ['main', 'main', [], '1200,800'],
  ['main-small', 'main', [], '960,640'],
  ['settings-office', 'main', ['[data-nav="settings"]'], '1200,800'],
  ['settings-units', 'main', ['[data-nav="settings"]', '[data-tab="units"]'], '1200,800'],
  [
    'settings-units-conflict',
    'main',
    ['[data-nav="settings"]', '[data-tab="units"]', 'tr[data-unit-id] [data-action="delete"]', '#confirm-ok'],
    '960,640',
  ],
  [
    'settings-units-confirm',
    'main',
    ['[data-nav="settings"]', '[data-tab="units"]', 'tr[data-unit-id] [data-action="delete"]'],
    '960,640',
  ],
  ['settings-staff', 'main', ['[data-nav="settings"]', '[data-tab="staff"]'], '1200,800'],
  ['settings-staff-small', 'main', ['[data-nav="settings"]', '[data-tab="staff"]'], '960,640'],
  [
    'settings-staff-edit',
    'main',
    ['[data-nav="settings"]', '[data-tab="staff"]', 'tr[data-staff-id] [data-action="edit"]'],
    '1200,800',
  ],
  ['settings-staff-empty', 'empty', ['[data-nav="settings"]', '[data-tab="staff"]'], '1200,800'],
  ['settings-params', 'main', ['[data-nav="settings"]', '[data-tab="params"]'], '1200,800'],
  ['settings-audit', 'main', ['[data-nav="settings"]', '[data-tab="audit"]'], '1200,800'],
  ['settings-audit-small', 'main', ['[data-nav="settings"]', '[data-tab="audit"]'], '960,640'],
];

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/__mock-tauri.js') {
    res.writeHead(200, { 'content-type': TYPES['.js'] });
    return res.end(readFileSync(join(here, 'mock-tauri.js')));
  }
  const file = normalize(join(dist, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  let body = readFileSync(file);
  if (file.endsWith('index.html')) {
    // A classic script runs before the app's module script, so the mock is in place first.
    body = body.toString().replace('<script', '<script src="./__mock-tauri.js"></script>\n    <script');
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(body);
});

await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
mkdirSync(out, { recursive: true });

function shoot([name, scenario, clicks, size]) {
  const url = `http://127.0.0.1:${port}/?scenario=${scenario}&click=${encodeURIComponent(clicks.join('|'))}`;
  const file = join(out, `${name}.png`);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars=false',
    `--user-data-dir=${join(out, '.profile-' + name)}`,
    `--window-size=${size}`,
    '--virtual-time-budget=5000',
    `--screenshot=${file}`,
    url,
  ];
  return new Promise((resolveShot, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolveShot(file) : reject(new Error(`${name}: ${err}`))));
  });
}

try {
  for (const shot of SHOTS) console.log(await shoot(shot));
} finally {
  server.close();
}
