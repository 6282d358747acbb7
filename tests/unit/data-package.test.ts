// The npm package of the dataset: what `npm run data:package` writes, and what `npm pack`
// would publish from it, built in a scratch copy of the package folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/data/files.mjs';
import { indexEntry, PACKAGE_DIR, writePackage } from '../../scripts/data/package.mjs';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const manifest = JSON.parse(read(`${PACKAGE_DIR}/package.json`));

/** A scratch repository holding only what the package build reads. */
const scratch = mkdtempSync(join(tmpdir(), 'alliance-lens-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
mkdirSync(join(scratch, 'public/packs'), { recursive: true });
cpSync(join(REPO_ROOT, 'public/packs/core.json'), join(scratch, 'public/packs/core.json'));
cpSync(join(REPO_ROOT, 'LICENSE-DATA'), join(scratch, 'LICENSE-DATA'));
mkdirSync(join(scratch, PACKAGE_DIR), { recursive: true });
for (const f of ['package.json', 'README.md'])
  cpSync(join(REPO_ROOT, PACKAGE_DIR, f), join(scratch, PACKAGE_DIR, f));
// The package's prepack runs the check from its own copy of the script.
for (const f of ['scripts/data/package.mjs', 'scripts/data/files.mjs'])
  cpSync(join(REPO_ROOT, f), join(scratch, f));

const npmPack = () =>
  execFileSync('npm', ['pack', '--dry-run', '--json'], {
    cwd: join(scratch, PACKAGE_DIR),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('the dataset package', () => {
  it('is licensed CC BY 4.0, and the code MIT', () => {
    expect(manifest.license).toBe('CC-BY-4.0');
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect(read('LICENSE-DATA')).toContain(
      'Creative Commons Attribution 4.0 International Public License',
    );
    expect(JSON.parse(read('public/packs/core.json')).pack.license).toBe('CC-BY-4.0');
  });

  it('copies the built pack and the data license, and indexes the pack', () => {
    expect(writePackage(scratch, true)).toEqual(['core.json', 'index.json', 'LICENSE']);
    writePackage(scratch, false);
    expect(writePackage(scratch, true)).toEqual([]);
    const dir = join(scratch, PACKAGE_DIR);
    const core = read('public/packs/core.json');
    expect(readFileSync(join(dir, 'core.json'), 'utf8')).toBe(core);
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(read('LICENSE-DATA'));
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    const pack = JSON.parse(core);
    expect(index).toMatchObject({ name: 'alliance-lens-data', version: manifest.version });
    expect(index.packs).toEqual([
      {
        id: 'core',
        title: pack.pack.title,
        publisher: pack.pack.publisher,
        license: 'CC-BY-4.0',
        homepage: pack.pack.homepage,
        updated: pack.pack.updated,
        file: 'core.json',
        bytes: Buffer.byteLength(core),
        sha256: createHash('sha256').update(core).digest('hex'),
        counts: { companies: pack.companies.length, alliances: pack.alliances.length },
      },
    ]);
  });

  it('notices a pack changed after the package was built', () => {
    writePackage(scratch, false);
    const pack = JSON.parse(read('public/packs/core.json'));
    pack.pack.updated = '2027-01-01T00:00:00Z';
    writeFileSync(join(scratch, 'public/packs/core.json'), JSON.stringify(pack));
    expect(writePackage(scratch, true)).toEqual(['core.json', 'index.json']);
    writePackage(scratch, false);
  });

  it('refuses a pack whose format version is not the package major version', () => {
    const text = read('public/packs/core.json');
    expect(() => indexEntry('core.json', text, 2)).toThrow(/major version is 2/);
    expect(() => indexEntry('x.json', '{"format":"other"}', 1)).toThrow(
      /not an Alliance Lens pack/,
    );
    expect(Number(manifest.version.split('.')[0])).toBe(JSON.parse(text).version);
  });

  it('npm pack publishes the packs, the index, the license and the README', () => {
    writePackage(scratch, false);
    // The prepack check's own line comes first on stdout, then npm's JSON report.
    const out = npmPack();
    const [report] = JSON.parse(out.slice(out.indexOf('\n[') + 1)) as {
      files: { path: string }[];
    }[];
    expect(report!.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'core.json',
      'index.json',
      'package.json',
    ]);
  }, 30_000);

  it('npm pack refuses to publish a package older than the built pack', () => {
    writePackage(scratch, false);
    const pack = JSON.parse(read('public/packs/core.json'));
    pack.pack.updated = '2027-02-01T00:00:00Z';
    writeFileSync(join(scratch, 'public/packs/core.json'), JSON.stringify(pack));
    expect(npmPack).toThrow(/not up to date/);
  }, 30_000);
});
