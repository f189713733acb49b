import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findDotnet, resolveServer } from '../src/serverPath';

const files = (...f: string[]) => (p: string) => f.includes(p);
const ext = '/ext';
const bundled = path.join(ext, 'server', 'sigil-lsp.dll');

describe('resolveServer', () => {
  it('runs a configured dll with dotnet from PATH', () => {
    const r = resolveServer({ configuredPath: '/srv/sigil-lsp.dll', extensionPath: ext, envPath: '/a:/usr/bin', exists: files('/srv/sigil-lsp.dll', '/usr/bin/dotnet', bundled) });
    assert.deepEqual(r, { ok: true, command: '/usr/bin/dotnet', args: ['/srv/sigil-lsp.dll'], source: 'setting', server: '/srv/sigil-lsp.dll' });
  });

  it('runs a configured apphost directly', () => {
    const r = resolveServer({ configuredPath: '/srv/sigil-lsp', extensionPath: ext, envPath: '', exists: files('/srv/sigil-lsp') });
    assert.ok(r.ok);
    assert.equal(r.command, '/srv/sigil-lsp');
    assert.deepEqual(r.args, []);
  });

  it('resolves ~ and workspace-relative settings', () => {
    const r = resolveServer({ configuredPath: '~/lsp/sigil-lsp.dll', home: '/home/ada', extensionPath: ext, envPath: '/bin', exists: files('/home/ada/lsp/sigil-lsp.dll', '/bin/dotnet') });
    assert.ok(r.ok && r.server === '/home/ada/lsp/sigil-lsp.dll');
    const rel = resolveServer({ configuredPath: 'tools/sigil-lsp.dll', workspaceFolder: '/ws', extensionPath: ext, envPath: '/bin', exists: files('/ws/tools/sigil-lsp.dll', '/bin/dotnet') });
    assert.ok(rel.ok && rel.server === '/ws/tools/sigil-lsp.dll');
  });

  it('falls back to the bundled server', () => {
    const r = resolveServer({ configuredPath: '', extensionPath: ext, envPath: '/usr/bin', exists: files(bundled, '/usr/bin/dotnet') });
    assert.ok(r.ok);
    assert.equal(r.source, 'bundled');
    assert.deepEqual(r.args, [bundled]);
  });

  it('says to set sigil.server.path when there is no server', () => {
    const none = resolveServer({ extensionPath: ext, envPath: '/usr/bin', exists: files('/usr/bin/dotnet') });
    assert.ok(!none.ok);
    assert.equal(none.reason, 'server-not-found');
    assert.match(none.message, /Sigil language server not found.*sigil\.server\.path/);
    const missing = resolveServer({ configuredPath: '/nope.dll', extensionPath: ext, exists: files(bundled) });
    assert.ok(!missing.ok && missing.reason === 'server-not-found' && missing.message.includes('/nope.dll'));
  });

  it('says when dotnet is missing, and honours sigil.dotnet.path', () => {
    const r = resolveServer({ extensionPath: ext, envPath: '/usr/bin', exists: files(bundled) });
    assert.ok(!r.ok && r.reason === 'dotnet-not-found');
    assert.match(r.message, /sigil\.dotnet\.path/);
    const set = resolveServer({ extensionPath: ext, configuredDotnet: '/opt/dotnet/dotnet', envPath: '', exists: files(bundled, '/opt/dotnet/dotnet') });
    assert.ok(set.ok && set.command === '/opt/dotnet/dotnet');
  });

  it('finds dotnet.exe on a Windows PATH', () => {
    const d = findDotnet({ envPath: 'C:\\a;C:\\dotnet', platform: 'win32', exists: (p) => p === path.join('C:\\dotnet', 'dotnet.exe') });
    assert.equal(d, path.join('C:\\dotnet', 'dotnet.exe'));
  });
});
