// Bundles the extension (dist/extension.js, CommonJS for VS Code's Node), the score chart's webview script with
// Chart.js (dist/webview/scores.js, browser IIFE), and with --tests the unit tests (out-test/*.test.js).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'fs';

const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const builds = tests
  ? [
      {
        entryPoints: readdirSync('test').filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`),
        outdir: 'out-test',
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        sourcemap: 'inline',
      },
    ]
  : [
      {
        entryPoints: ['src/extension.ts'],
        outfile: 'dist/extension.js',
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        sourcemap: !production,
        minify: production,
      },
      {
        entryPoints: ['webview/scores.ts'],
        outfile: 'dist/webview/scores.js',
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2020',
        sourcemap: false,
        minify: true,
      },
    ];

rmSync(tests ? 'out-test' : 'dist', { recursive: true, force: true });
for (const options of builds) {
  if (watch) {
    const ctx = await esbuild.context({ ...options, logLevel: 'info' });
    await ctx.watch();
  } else {
    await esbuild.build({ ...options, logLevel: 'warning' });
  }
}
if (!watch) console.log(tests ? 'built out-test/' : 'built dist/extension.js, dist/webview/scores.js');
