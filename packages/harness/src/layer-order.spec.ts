import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCheck } from './check/run-check';
import { readConventions } from './config/read-conventions';
import { readHarnessConfig } from './config/read-harness-config';
import { RULES } from './rules';
import { createTestCheckContext } from './testing/create-test-context';

/**
 * This package's own folder order, as `npm test`'s self-check enforces it, held by a unit test too:
 * the layers rule runs over the real src/ with the real CONVENTIONS.md front matter, so an upward
 * import fails `npm run test:unit` before it ever reaches the self-check.
 */
const PACKAGE = path.resolve(__dirname, '..');
const ROOT = 'packages/harness';

function readPackageFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]s$/.test(entry.name)) files[`${ROOT}/${path.relative(PACKAGE, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(path.join(PACKAGE, 'src'));
  files[`${ROOT}/CONVENTIONS.md`] = fs.readFileSync(path.join(PACKAGE, 'CONVENTIONS.md'), 'utf8');
  return files;
}

async function findLayerFindings(files: Record<string, string>) {
  const context = createTestCheckContext({ projects: [{ name: 'harness', root: ROOT, alias: 'nx-harness' }], files });
  const { findings } = await runCheck(context, ['harness'], ['layers']);
  return findings.filter((f) => f.rule === 'layers');
}

describe("harness's own layer order", () => {
  const files = readPackageFiles();

  it('holds on the real source', async () => {
    expect(await findLayerFindings(files)).toEqual([]);
  });

  it('places every folder of src/ in the order, so a new folder is never left unchecked', () => {
    const config = readHarnessConfig(undefined, RULES);
    const { conventions, rules } = readConventions(`${ROOT}/CONVENTIONS.md`, files[`${ROOT}/CONVENTIONS.md`], config, RULES);
    const folders = fs.readdirSync(path.join(PACKAGE, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect([...conventions.layers.flat()].sort()).toEqual(folders.sort());
    expect(rules.layers).toEqual({ severity: 'error', options: { ignoreTests: true } });
  });

  it('fails when a lower layer imports a higher one, a peer imports a peer, or shipped code imports src/testing', async () => {
    const probes = {
      [`${ROOT}/src/core/upward-probe.ts`]: "import { runCheck } from '../check/run-check';\nexport const probe = runCheck;\n",
      [`${ROOT}/src/report/peer-probe.ts`]: "import { RULES } from '../rules';\nexport const probe = RULES;\n",
      [`${ROOT}/src/rules/testing-probe.ts`]: "import { createTestCheckContext } from '../testing/create-test-context';\nexport const probe = createTestCheckContext;\n",
      [`${ROOT}/src/core/upward-probe.spec.ts`]: "import { runCheck } from '../check/run-check';\nimport { createTestCheckContext } from '../testing/create-test-context';\n",
    };
    const found = await findLayerFindings({ ...files, ...probes });
    expect(found.map((f) => `${f.file}: ${f.expected}`).sort()).toEqual([
      `${ROOT}/src/core/upward-probe.ts: core may import only core`,
      `${ROOT}/src/report/peer-probe.ts: report may import only core, config, collect, report`,
      `${ROOT}/src/rules/testing-probe.ts: rules may import only core, config, collect, rules`,
    ]);
    expect(found.every((f) => f.severity === 'error' && f.title === 'Layer order violation')).toBe(true);
  });
});
