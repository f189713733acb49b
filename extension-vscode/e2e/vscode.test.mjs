// The Sigil extension in a real VS Code (code-server 4.100 = VS Code 1.100), driven like a user with playwright-core
// and headless Chromium. Started by e2e/run.sh, which prepares the project and code-server (env CS_URL, PROJECT, SHOTS).
// One browser session; the steps run in order and each asserts what a user would see (and, where it matters, disk).
import { after, before, describe, test as nodeTest } from 'node:test';
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.CS_URL;
const project = process.env.PROJECT;
const shots = process.env.SHOTS;
const state = process.env.STATE;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!url || !project || !shots) throw new Error('run through e2e/run.sh (CS_URL, PROJECT and SHOTS are required)');

const t0 = Date.now();
const lap = (msg) => console.log(`[browser ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const clean = (s) => (s ?? '').replace(/\u00a0/g, ' ');

let ctx;
let page;
let udd;
let shotNo = 0;
/** Where the "Improve this method" lens of SumOfSquares is on the page. */
let improveAt;
const consoleErrors = [];

async function shot(name) {
  shotNo++;
  const file = path.join(shots, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the palette by its exact title. */
async function runCommand(title) {
  const input = page.locator('.quick-input-widget input.input');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    try {
      await input.waitFor({ state: 'visible', timeout: 4000 });
      break;
    } catch {
      // Focus may be in a webview: click the status bar's empty middle and retry.
      await page.locator('.part.statusbar').click({ position: { x: 700, y: 10 } }).catch(() => {});
    }
  }
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

/** The visible notification toast whose text matches. */
function toast(re) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();
}

/** A test whose failure leaves a screenshot (fail-<n>.png) and the visible notifications in the log. */
function test(name, options, fn) {
  nodeTest(name, options, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      try {
        const file = path.join(shots, `fail-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50)}.png`);
        await page.screenshot({ path: file });
        const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
        lap(`FAILED "${name}": screenshot ${file}; notifications: ${JSON.stringify(toasts.map(clean))}`);
      } catch {}
      throw e;
    }
  });
}

async function waitFor(fn, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const git = (...args) => execFileSync('git', ['-C', project, ...args], { encoding: 'utf8' }).trim();

const trackerEnabled = () => {
  try {
    return JSON.parse(fs.readFileSync(path.join(project, '.sigil', 'tracker.json'), 'utf8')).enabled === true;
  } catch {
    return undefined;
  }
};

describe('Sigil in VS Code', { timeout: 300_000 }, () => {
  before(async () => {
    udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sigil-pw-'));
    ctx = await chromium.launchPersistentContext(udd, {
      executablePath,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = ctx.pages()[0] || (await ctx.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
    });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Kernels.cs' }).first().waitFor({ timeout: 60000 });
    lap('workbench loaded, explorer shows Kernels.cs');
    await shot('workbench');
  });

  after(async () => {
    const csp = consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e));
    if (csp.length) lap(`console CSP errors: ${csp.join(' | ')}`);
    await ctx?.close().catch(() => {});
    if (udd) fs.rmSync(udd, { recursive: true, force: true });
  });

  test('Kernels.cs shows "Improve this method" above SumOfSquares', { timeout: 90_000 }, async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Kernels.cs' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'Kernels.cs' }).first().waitFor({ timeout: 30000 });
    await page.locator('.codelens-decoration a', { hasText: 'Improve this method' }).first().waitFor({ timeout: 60000 });
    // The lens line right above [Improve(...SumIsExact...)] public static long SumOfSquares(...).
    const found = await waitFor(
      () =>
        page.evaluate(() => {
          const editor = document.querySelector('.editor-group-container.active .monaco-editor') || document;
          const lines = [...editor.querySelectorAll('.view-line')].map((l) => ({ el: l, text: l.textContent.replace(/\u00a0/g, ' '), top: l.getBoundingClientRect().top }));
          const attr = lines.find((l) => l.text.includes('nameof(SumIsExact)'));
          const method = lines.find((l) => l.text.includes('long SumOfSquares('));
          if (!attr || !method) return null;
          const lenses = [...editor.querySelectorAll('.codelens-decoration')]
            .map((d) => ({ d, top: d.getBoundingClientRect().top }))
            .filter((x) => x.top < attr.top)
            .sort((a, b) => b.top - a.top);
          const lens = lenses[0];
          if (!lens || attr.top - lens.top > 40) return null;
          const link = [...lens.d.querySelectorAll('a')].find((a) => a.textContent.includes('Improve this method'));
          if (!link) return null;
          const r = link.getBoundingClientRect();
          return { lens: lens.d.textContent.replace(/\u00a0/g, ' '), below: attr.text.trim(), methodBelow: method.top > attr.top, x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }),
      30000,
      'the lens above SumOfSquares',
    );
    improveAt = { x: found.x, y: found.y };
    lap(`lens above SumOfSquares: "${found.lens}"`);
    assert.match(found.lens, /Improve this method/);
    assert.match(found.lens, /No candidates yet/);
    assert.match(found.lens, /Tracker: off/);
    assert.match(found.below, /^\[Improve\("quickstart", Eval = nameof\(SumIsExact\)/);
    assert.ok(found.methodBelow);
    await shot('lens');
  });

  test('clicking the lens starts a run with a cancellable progress notification', { timeout: 60_000 }, async () => {
    // The lens as the user sees it at that spot. A click that lands while the editor re-renders its lenses (the server
    // refreshes them when the store changes) is lost, as it would be for a user: then click again.
    const progress = toast(/Sigil: improving Kernels\.SumOfSquares\(int\[\]\)/);
    for (let attempt = 1; ; attempt++) {
      const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent ?? '', improveAt);
      assert.equal(under, 'Improve this method');
      await page.mouse.click(improveAt.x, improveAt.y);
      try {
        await progress.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        lap(`no progress ${attempt * 5} s after clicking the lens: clicking again`);
      }
    }
    assert.ok(await progress.locator('.monaco-button, a.monaco-button', { hasText: /Cancel/ }).count() > 0 || (await progress.innerText()).includes('Cancel'), 'the progress offers Cancel');
    // A $/progress message from the server (phases: opening, samples, baseline, searching, holdout), not the
    // extension's own "starting…".
    await waitFor(async () => /Sigil: improving Kernels\.SumOfSquares\(int\[\]\): .*(opening|samples|baseline|searching|holdout|\d+\/3)/.test(clean(await progress.innerText().catch(() => ''))), 30000, 'a progress message from the server');
    lap(`progress: "${clean(await progress.innerText().catch(() => '(already finished)')).replace(/\n/g, ' ')}"`);
    await shot('progress');
  });

  test('the run finishes with the best candidate and its speedup', { timeout: 180_000 }, async () => {
    const done = toast(/Sigil run quickstart\/v1 (finished|failed|cancelled)/);
    await done.waitFor({ timeout: 170000 });
    const text = clean(await done.innerText());
    lap(`finished: "${text.replace(/\n/g, ' ')}"`);
    assert.match(text, /Sigil run quickstart\/v1 finished\. Kernels\.SumOfSquares\(int\[\]\): best candidate [0-9a-f]{12}, [\d.]+×/);
    assert.match(text, /Open Diff/);
    // The lens follows: it now counts the candidate.
    await page.locator('.codelens-decoration a', { hasText: /1 candidate · best [\d.]+× vs baseline/ }).first().waitFor({ timeout: 20000 });
    await shot('finished');
  });

  test('the Sigil view lists the candidate and opens it in a diff editor', { timeout: 60_000 }, async () => {
    const icon = page.locator('.part.activitybar .action-item', { has: page.locator('[aria-label^="Sigil"]') }).first();
    if (await icon.count()) await icon.click();
    else await page.locator('.part.activitybar [aria-label^="Sigil"]').first().click();
    const view = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /Pins & Candidates/i }) }).first();
    await view.waitFor({ timeout: 15000 });
    await view.locator('.monaco-list-row', { hasText: 'quickstart' }).first().waitFor({ timeout: 20000 });
    await view.locator('.monaco-list-row', { hasText: 'Kernels.SumOfSquares(int[])' }).first().waitFor({ timeout: 20000 });
    const row = view.locator('.monaco-list-row', { hasText: /[0-9a-f]{12} · [\d.]+×/ }).first();
    await row.waitFor({ timeout: 20000 });
    const rowText = clean(await row.innerText()).replace(/\n/g, ' ');
    lap(`candidate row: "${rowText}"`);
    assert.match(rowText, /correct/);
    await shot('sigil-view');
    await row.click();
    const tab = page.locator('.tabs-container .tab', { hasText: /Kernels\.cs: baseline ↔ candidate [0-9a-f]{6}…/ }).first();
    await tab.waitFor({ timeout: 20000 });
    const diff = page.locator('.monaco-diff-editor').first();
    await diff.waitFor({ timeout: 20000 });
    const sides = await waitFor(
      () =>
        page.evaluate(() => {
          const d = document.querySelector('.editor-group-container.active .monaco-diff-editor') || document.querySelector('.monaco-diff-editor');
          const text = (sel) => [...(d?.querySelectorAll(sel) ?? [])].map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
          const original = text('.editor.original .view-line');
          const modified = text('.editor.modified .view-line');
          const inserts = d?.querySelectorAll('.editor.modified .line-insert, .editor.modified .char-insert').length ?? 0;
          return original.includes('SumOfSquares') && modified.includes('SumOfSquares') ? { original, modified, inserts } : null;
        }),
      20000,
      'both sides of the diff',
    );
    assert.match(sides.original, /values\.Select\(v => \(long\)v \* v\)\.Sum\(\)/, 'the baseline side has the LINQ version');
    assert.doesNotMatch(sides.modified, /values\.Select\(v => \(long\)v \* v\)\.Sum\(\)/, 'the candidate side changed it');
    assert.ok(sides.inserts > 0, 'the diff editor marks inserted code');
    lap(`diff editor: "${clean(await tab.innerText())}", ${sides.inserts} insert marks`);
    await shot('diff');
  });

  test('"Sigil: Show Score Chart" draws the run\'s trials', { timeout: 60_000 }, async () => {
    await runCommand('Sigil: Show Score Chart');
    const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const canvas = frame.locator('canvas#sigil-scores[data-rendered="true"]');
    await canvas.waitFor({ timeout: 30000 });
    const points = Number(await canvas.getAttribute('data-points'));
    const datasets = Number(await canvas.getAttribute('data-datasets'));
    const title = await frame.locator('#title').innerText();
    const summary = await frame.locator('#summary').innerText();
    lap(`chart: ${points} points, ${datasets} datasets; "${summary}"`);
    assert.ok(points >= 1, 'the chart has trial points');
    assert.equal(datasets, 3, 'trials, best so far and the baseline');
    assert.match(title, /Sigil scores: quickstart/);
    assert.match(summary, /^3 trials in 1 run \(.*evaluated/);
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 150, 'the canvas is drawn at a visible size');
    await shot('score-chart');
  });

  test('the status bar tracker item turns tracking on and back off', { timeout: 60_000 }, async () => {
    const off = page.locator('.part.statusbar .statusbar-item', { hasText: 'Sigil tracker: off' }).first();
    await off.waitFor({ timeout: 15000 });
    assert.equal(trackerEnabled(), false);
    await off.locator('a, .statusbar-item-label').first().click();
    const on = page.locator('.part.statusbar .statusbar-item', { hasText: 'Sigil tracker: on' }).first();
    await on.waitFor({ timeout: 15000 });
    assert.equal(trackerEnabled(), true, '.sigil/tracker.json says enabled');
    lap('tracker: on');
    await shot('tracker-on');
    await on.locator('a, .statusbar-item-label').first().click();
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Sigil tracker: off' }).first().waitFor({ timeout: 15000 });
    assert.equal(trackerEnabled(), false, '.sigil/tracker.json says disabled');
    lap('tracker: off again');
    await shot('tracker-off');
  });

  test('"Sigil: Promote" signs a manifest into the project', { timeout: 90_000 }, async () => {
    const manifest = path.join(project, 'sigil.manifest.json');
    assert.ok(!fs.existsSync(manifest), 'no manifest before');
    await runCommand('Sigil: Promote');
    const best = page.locator('.quick-input-list .monaco-list-row', { hasText: "Each pin's best" }).first();
    await best.waitFor({ timeout: 15000 });
    await shot('promote-pick');
    await best.click();
    const done = toast(/Sigil: promoted quickstart\/v1|Sigil: promote failed/);
    await done.waitFor({ timeout: 80000 });
    const text = clean(await done.innerText()).replace(/\n/g, ' ');
    lap(`promote: "${text}"`);
    assert.match(text, /Sigil: promoted quickstart\/v1 \(sequence 1\): Kernels\.SumOfSquares\(int\[\]\) → [0-9a-f]{12}\. Manifest: .*sigil\.manifest\.json/);
    assert.ok(fs.existsSync(manifest), 'sigil.manifest.json was written');
    const body = fs.readFileSync(manifest, 'utf8');
    assert.match(body, /diff:\/\/b3:[0-9a-f]{64}/);
    assert.ok(fs.readdirSync(path.join(project, 'sigil-artifacts')).some((f) => f.endsWith('.dll')), 'the approved method was compiled');
    await shot('promoted');
  });
  test('"Sigil: Run Optimization" runs a spec and Cancel stops it', { timeout: 90_000 }, async () => {
    await runCommand('Sigil: Run Optimization');
    const all = page.locator('.quick-input-list .monaco-list-row', { hasText: 'All pins of quickstart/v1' }).first();
    await all.waitFor({ timeout: 15000 });
    await all.click();
    const progress = toast(/Sigil: improving quickstart\/v1/);
    await progress.waitFor({ timeout: 20000 });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = toast(/Sigil run quickstart\/v1 (cancelled|finished|failed)/);
    await cancelled.waitFor({ timeout: 60000 });
    const text = clean(await cancelled.innerText()).replace(/\n/g, ' ');
    lap(`after Cancel: "${text}"`);
    assert.match(text, /Sigil run quickstart\/v1 cancelled: the trials made so far are stored/);
    await shot('cancelled');
  });
  test('"Sigil: Publish" puts the promoted candidate on a new git branch', { timeout: 90_000 }, async () => {
    // The user commits the promoted manifest and its artifact (publish needs a clean tree).
    git('add', 'sigil.manifest.json', 'sigil-artifacts');
    git('commit', '-q', '-m', 'Promote quickstart/v1');
    const head = git('rev-parse', 'HEAD');
    const kernels = fs.readFileSync(path.join(project, 'Kernels.cs'), 'utf8');
    await runCommand('Sigil: Publish');
    const done = toast(/Sigil: published to branch|Sigil: publish failed/);
    await done.waitFor({ timeout: 80000 });
    const text = clean(await done.innerText()).replace(/\n/g, ' ');
    lap(`publish: "${text}"`);
    const m = /Sigil: published to branch (sigil\/publish-[0-9a-f]+) \(commit [0-9a-f]{10}, 1 file\)/.exec(text);
    assert.ok(m, text);
    assert.match(text, /Your branch main and working tree are unchanged/);
    assert.equal(git('rev-parse', 'HEAD'), head, 'main did not move');
    assert.equal(fs.readFileSync(path.join(project, 'Kernels.cs'), 'utf8'), kernels, 'the working tree is unchanged');
    const published = git('show', `${m[1]}:Kernels.cs`);
    assert.doesNotMatch(published, /values\.Select\(v => \(long\)v \* v\)\.Sum\(\)/);
    assert.match(published, /public static long SumOfSquares\(int\[\] values\)/);
    await shot('published');
  });
  test('a wrong sigil.server.path gives a clear error with Open Settings', { timeout: 90_000 }, async () => {
    const settingsFile = path.join(state, 'ud', 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    settings['sigil.server.path'] = '/nonexistent/sigil-lsp.dll';
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    await page.waitForTimeout(1500); // the workbench picks the file change up
    await runCommand('Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const error = toast(/Sigil language server not found at '\/nonexistent\/sigil-lsp\.dll'/);
    await error.waitFor({ timeout: 60000 });
    const text = clean(await error.innerText()).replace(/\n/g, ' ');
    lap(`server error: "${text}"`);
    assert.match(text, /set sigil\.server\.path/);
    // The Sigil view says it too.
    // (Clicking the icon of the container already shown would close the side bar.)
    if (!(await page.locator('.part.sidebar', { hasText: /Pins & Candidates/i }).first().isVisible())) {
      await page.locator('.part.activitybar [aria-label^="Sigil"]').first().click();
    }
    await page.locator('.part.sidebar .monaco-list-row', { hasText: /Sigil language server not found/ }).first().waitFor({ timeout: 15000 });
    await shot('server-not-found');
    await error.getByRole('button', { name: 'Open Settings' }).click();
    const settingsEditor = page.locator('.settings-editor');
    await settingsEditor.waitFor({ timeout: 20000 });
    await settingsEditor.locator('.setting-item-contents', { hasText: 'Sigil language server' }).first().waitFor({ timeout: 20000 });
    await shot('open-settings');
  });
});
