// PGlite's seed (packages/server/seed/): a bare cluster dumped once, so that `npm start` and the
// tests' template never run initdb. It must exist for the PGlite installed (after an upgrade:
// `node packages/server/seed/pglite-seed.mjs`), and a data folder made from it must work and stay.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from '../src/database.ts';
import { MIGRATIONS, migrate } from '../src/migrations.ts';
import { pgliteSeed, pgliteSeedFile, pgliteVersion } from '../seed/pglite-seed.mjs';

describe("PGlite's seed", () => {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exists for the installed PGlite version', () => {
    expect(pgliteSeedFile(), `no seed for PGlite ${pgliteVersion()}: run node packages/server/seed/pglite-seed.mjs`).toMatch(new RegExp(`pglite-${pgliteVersion().replace(/\./g, '\\.')}\\.tar\\.br$`));
    expect(existsSync(pgliteSeedFile())).toBe(true);
  });

  it('makes a data folder that migrates, and that a later start reopens as it was left', async () => {
    const seed = await pgliteSeed();
    expect(seed).toBeInstanceOf(Blob);
    const folder = join(dir, 'pglite');
    const db = await pgliteDatabase({ dataDir: folder, loadDataDir: seed });
    // A bare cluster: nothing of ours in it until the migrations run.
    expect(await db.query(`SELECT to_regclass('bihuan_migrations') AS t`)).toEqual([{ t: null }]);
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    await db.close();
    const reopened = await pgliteDatabase({ dataDir: folder });
    expect(await migrate(reopened)).toEqual([]);
    expect((await reopened.query<{ n: number }>('SELECT count(*)::int AS n FROM bihuan_migrations'))[0]!.n).toBe(MIGRATIONS.length);
    await reopened.close();
  }, 180_000); // two PGlite starts: seconds on a quiet machine, two minutes seen on a loaded one
});
