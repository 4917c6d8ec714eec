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
  ['settings-params-small', 'main', ['[data-nav="settings"]', '[data-tab="params"]'], '960,640'],
  ['settings-holidays', 'main', ['[data-nav="settings"]', '[data-tab="params"]', 'scroll:#holidays'], '1200,800'],
  ['ledger', 'main', ['[data-nav="ledger"]'], '1200,800'],
  ['ledger-small', 'main', ['[data-nav="ledger"]'], '960,640'],
  ['ledger-book', 'main', ['[data-nav="ledger"]', 'scroll:.book'], '1200,800'],
  ['ledger-book-small', 'main', ['[data-nav="ledger"]', 'scroll:.book'], '960,640'],
  ['ledger-error', 'main', ['[data-nav="ledger"]', '#fb-save'], '1200,800'],
  ['ledger-settled', 'main', ['[data-nav="ledger"]', '#fb-settled'], '960,640'],
  ['ledger-overdue', 'main', ['[data-nav="ledger"]', '#ledger-overdue', 'scroll:.book'], '1200,800'],
  [
    // A citizen entered from the keyboard alone: Enter between fields, Ctrl+Enter to save.
    'ledger-saved',
    'main',
    [
      '[data-nav="ledger"]',
      'type:#fb-customer_name::Lê Thị Thu Trang',
      'key:#fb-customer_name::Enter',
      'type:#fb-customer_org::',
      'type:#fb-content::Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày chưa có kết quả',
      'key:#fb-content::Ctrl+Enter',
    ],
    '1200,800',
  ],
  [
    // For the README: the form just after a save, and the book under it.
    'ledger-docs',
    'main',
    [
      '[data-nav="ledger"]',
      'type:#fb-customer_name::Lê Thị Thu Trang',
      'type:#fb-customer_phone::0905 111 222',
      'type:#fb-content::Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày chưa có kết quả',
      'key:#fb-content::Ctrl+Enter',
    ],
    '1200,1080',
  ],
  [
    'ledger-name-missing',
    'main',
    ['[data-nav="ledger"]', 'type:#fb-content::Cán bộ hướng dẫn chưa rõ', '#fb-save'],
    '960,640',
  ],
  ['ledger-empty', 'empty', ['[data-nav="ledger"]', 'scroll:.book'], '1200,800'],
  ['queue-empty', 'empty', ['[data-nav="cases"]'], '960,640'],
  ['queue', 'main', ['[data-nav="cases"]'], '1200,800'],
  ['queue-small', 'main', ['[data-nav="cases"]'], '960,640'],
  ['case', 'main', ['[data-nav="cases"]', 'tr[data-case-id="demo-leak"]'], '1200,800'],
  // For the README: tall enough to show the history beside the next steps.
  ['case-docs', 'main', ['[data-nav="cases"]', 'tr[data-case-id="demo-leak"]'], '1200,1000'],
  ['case-small', 'main', ['[data-nav="cases"]', 'tr[data-case-id="demo-leak"]'], '960,640'],
  [
    'case-move-refused',
    'main',
    ['[data-nav="cases"]', 'tr[data-case-id="demo-attitude"]', 'button[data-move-to="closed"]', '#move-confirm'],
    '1200,800',
  ],
  [
    'case-move-note',
    'main',
    ['[data-nav="cases"]', 'tr[data-case-id="demo-leak"]', 'button[data-move-to="leadership"]', '#move-confirm'],
    '960,640',
  ],
  [
    'case-letter-sent',
    'main',
    [
      '[data-nav="cases"]',
      'tr[data-case-id="demo-leak"]',
      '#letter-begin-sign',
      '#letter-save',
      '#letter-begin-send',
      '#letter-save',
      'scroll:#reply-letter',
    ],
    '1200,800',
  ],
  [
    'case-action-link',
    'main',
    [
      '[data-nav="cases"]',
      'tr[data-case-id="demo-leak"]',
      '#action-open',
      'input[name="action-mode"][value="link"]',
      'scroll:#requirements',
    ],
    '1200,800',
  ],
  [
    'case-action-linked',
    'main',
    [
      '[data-nav="cases"]',
      'tr[data-case-id="demo-leak"]',
      '#action-open',
      'input[name="action-mode"][value="link"]',
      'select:#action-link::__first__',
      '#action-save',
      'scroll:#requirements',
    ],
    '1200,800',
  ],
  [
    'case-step',
    'main',
    [
      '[data-nav="cases"]',
      'tr[data-case-id="demo-attitude"]',
      'li[data-requirement="step:attitude_talk"] button',
      'type:#step-note::Đã trao đổi, công chức tiếp nhận nhận khuyết điểm và rút kinh nghiệm.',
      '#step-save',
      'button[data-move-to="closed"]',
      '#move-confirm',
    ],
    '1200,800',
  ],
  ['case-from-ledger', 'main', ['[data-nav="ledger"]', 'tr[data-case-id]'], '1200,800'],
  [
    // The daily path of the end-to-end test: entered, sent to a unit, answered, agreed, closed.
    'case-closed',
    'main',
    [
      '[data-nav="ledger"]',
      'select:#fb-kind::complaint',
      'select:#fb-subject::processing_time',
      'type:#fb-customer_name::Lê Thị Thu Trang',
      'type:#fb-content::Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày chưa có kết quả',
      '#fb-save',
      'tr[data-case-id]',
      'button[data-move-to="specialist"]',
      'type:#move-note::Ngoài thẩm quyền của bộ phận một cửa',
      '#move-confirm',
      'button[data-move-to="solution_feedback"]',
      'type:#move-note::Phòng QLTM đã thẩm định xong, hẹn trả kết quả ngày mai',
      '#move-confirm',
      'button[data-move-to="awaiting_customer"]',
      '#move-confirm',
      'button[data-move-to="closed"]',
      '#move-confirm',
      'scroll:.history',
    ],
    '1200,800',
  ],
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
    // A Vietnamese Windows: date and time inputs show dd/mm/yyyy as in the offices.
    '--lang=vi-VN',
    `--user-data-dir=${join(out, '.profile-' + name)}`,
    `--window-size=${size}`,
    '--virtual-time-budget=5000',
    // Paints everything before the picture is taken (scrolled pages were half repainted).
    '--run-all-compositor-stages-before-draw',
    `--screenshot=${file}`,
    url,
  ];
  return new Promise((resolveShot, reject) => {
    const env = { ...process.env, LANG: 'vi_VN.UTF-8', LANGUAGE: 'vi' };
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
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
