// The corpus: public Nx repositories with real tag constraints, each pinned to a commit, with the
// conversions this machine forces on its install and the violations injected into it.
import fs from 'node:fs';
import path from 'node:path';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Every package.json under the given folders, node_modules left out. */
function findPackageJsons(dir, folders) {
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'package.json') found.push(file);
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(dir, folder))) walk(path.join(dir, folder));
  return found;
}

/** yarn's `workspace:*` protocol is unknown to npm: npm links workspaces by name with `*`. */
function convertYarnWorkspacesToNpm(dir) {
  const notes = [];
  fs.rmSync(path.join(dir, 'yarn.lock'), { force: true });
  fs.rmSync(path.join(dir, '.yarnrc.yml'), { force: true });
  notes.push('yarn.lock removed (npm resolves afresh)');
  const root = readJson(path.join(dir, 'package.json'));
  delete root.packageManager;
  delete root.dependenciesMeta;
  // the registry reachable here stops at cypress 15.3.0 (its binary is never downloaded)
  root.devDependencies.cypress = '15.3.0';
  notes.push('cypress 15.15.0 -> 15.3.0 (the newest this registry has)');
  writeJson(path.join(dir, 'package.json'), root);
  let count = 0;
  for (const file of findPackageJsons(dir, ['apps', 'libs'])) {
    const text = fs.readFileSync(file, 'utf8');
    const next = text.replace(/"workspace:[^"]*"/g, '"*"');
    if (next !== text) {
      fs.writeFileSync(file, next);
      count++;
    }
  }
  notes.push(`workspace:* -> * in ${count} package.json files`);
  // yarn installs ts-jest 29 next to jest 30 with a warning; npm refuses the peer conflict
  fs.writeFileSync(path.join(dir, '.npmrc'), 'legacy-peer-deps=true\n');
  notes.push('.npmrc legacy-peer-deps=true (ts-jest 29 declares jest ^29, the repo has jest 30)');
  return notes;
}

/** pnpm 11 needs Node 22.13; this machine runs Node 20, so pnpm 10 installs the same lockfile. */
function convertPnpmSettings(dir) {
  const file = path.join(dir, 'pnpm-workspace.yaml');
  const text = fs.readFileSync(file, 'utf8');
  // pnpm 10 names the build allow-list onlyBuiltDependencies; the packages are the same
  const names = [...text.matchAll(/^ {2}([\w@/.-]+): true/gm)].map((m) => m[1]);
  const next = text.replace(/^allowBuilds:\n(?: {2}.*\n)+/m, `onlyBuiltDependencies:\n${names.map((n) => `  - ${n}`).join('\n')}\n`);
  fs.writeFileSync(file, next);
  const root = readJson(path.join(dir, 'package.json'));
  root.packageManager = 'pnpm@10.34.9';
  writeJson(path.join(dir, 'package.json'), root);
  return ['pnpm 11.11.0 -> 10.34.9 (pnpm 11 needs Node 22.13)', `allowBuilds -> onlyBuiltDependencies (${names.join(', ')})`];
}

/**
 * nrwl/nx-examples constrained its tags until commit d333195 ("switch to default eslint setup")
 * replaced them with `* -> *`. Restored here, scope rules only: with `* -> *` there is nothing to
 * enforce, and the scope rules are the ones the issue's cart/products case breaks.
 */
function restoreNxExamplesConstraints(dir) {
  const file = path.join(dir, '.eslintrc.json');
  const config = readJson(file);
  const rule = config.overrides[0].rules['@nx/enforce-module-boundaries'][1];
  rule.depConstraints = [
    { sourceTag: 'scope:products', onlyDependOnLibsWithTags: ['scope:products', 'scope:shared'] },
    { sourceTag: 'scope:cart', onlyDependOnLibsWithTags: ['scope:cart', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ];
  writeJson(file, config);
  return ['.eslintrc.json: scope constraints restored (the repo had them until d333195)'];
}

/** The finding title that proves each kind of injected violation was found. */
const EXPECTED_TITLE = {
  'cross-scope-package': /Dependency constraint/,
  'cross-scope-package-2': /Dependency constraint/,
  'deep-import': /Deep import/,
  'relative-cross-project': /Relative import/,
  cycle: /Circular dependency/,
};

/**
 * One injected violation: `line` appended to `file` of `project`, and when `declare` is given
 * ([package.json, name, version]) the package declared there first, as a user would.
 */
function inject(id, what, { project, file, line, declare }) {
  return {
    id,
    what,
    file,
    project,
    expect: EXPECTED_TITLE[id],
    apply: (dir) => {
      if (declare) {
        const [packageJson, name, version] = declare;
        const target = path.join(dir, packageJson);
        const pkg = readJson(target);
        pkg.dependencies = { ...pkg.dependencies, [name]: version };
        writeJson(target, pkg);
      }
      fs.appendFileSync(path.join(dir, file), `\n${line}\n`);
    },
  };
}

export const CORPUS = [
  {
    id: 'nx-examples',
    slug: 'nrwl/nx-examples',
    commit: '53c1e8c2bf7583759e3b8b9978a6581a4e696d9a',
    nx: '23.0.0-rc.4',
    packageManager: 'npm',
    upstreamPackageManager: 'yarn@4.15.0',
    layout: 'TS solution (package workspaces, custom export condition)',
    frameworks: 'Angular, React',
    eslintConfig: 'legacy .eslintrc.json (ESLint 8.57)',
    convert: convertYarnWorkspacesToNpm,
    prepare: restoreNxExamplesConstraints,
    installArgs: ['install', '--no-audit', '--no-fund'],
    addArgs: [],
    injections: [
      inject('cross-scope-package', 'cart-page imports @nx-example/products-home-page, declared in its package.json (scope:cart -> scope:products)', {
        project: 'cart-cart-page',
        file: 'libs/cart/cart-page/src/index.ts',
        line: "export * as injectedHome from '@nx-example/products-home-page';",
        declare: ['libs/cart/cart-page/package.json', '@nx-example/products-home-page', '*'],
      }),
      inject('cross-scope-package-2', 'shared-product-ui imports @nx-example/cart-cart-page, declared in its package.json (scope:shared -> scope:cart)', {
        project: 'shared-product-ui',
        file: 'libs/shared/product/ui/src/index.ts',
        line: "export * as injectedCart from '@nx-example/cart-cart-page';",
        declare: ['libs/shared/product/ui/package.json', '@nx-example/cart-cart-page', '*'],
      }),
      inject('deep-import', 'products-home-page imports a file inside shared-product-state (not its entry point)', {
        project: 'products-home-page',
        file: 'libs/products/home-page/src/index.ts',
        line: "export * as injectedDeep from '@nx-example/shared-product-state/src/lib/+state/products.selectors';",
      }),
      inject('relative-cross-project', 'cart-page imports products-home-page by a relative path', {
        project: 'cart-cart-page',
        file: 'libs/cart/cart-page/src/index.ts',
        line: "export * as injectedRelative from '../../../products/home-page/src/index';",
      }),
      inject('cycle', 'shared-product-types imports shared-product-state, which imports it back', {
        project: 'shared-product-types',
        file: 'libs/shared/product/types/src/index.ts',
        line: "export * as injectedCycle from '@nx-example/shared-product-state';",
        declare: ['libs/shared/product/types/package.json', '@nx-example/shared-product-state', '*'],
      }),
    ],
  },
  {
    id: 'rx-angular',
    slug: 'rx-angular/rx-angular',
    commit: 'bac373009c8be2013684b0565df9c8c90aed568c',
    nx: '22.3.3',
    packageManager: 'yarn@4.12.0',
    upstreamPackageManager: 'yarn@4.12.0',
    layout: 'tsconfig paths (Yarn 4 node-modules linker)',
    frameworks: 'Angular',
    eslintConfig: 'legacy .eslintrc.json (ESLint 8.57)',
    installArgs: ['install'],
    addArgs: [],
    injections: [
      inject('cross-scope-package', 'state imports @rx-angular/template (tag state may depend only on type:test-util, cdk)', {
        project: 'state',
        file: 'libs/state/src/index.ts',
        line: "export * as injectedTemplate from '@rx-angular/template';",
      }),
      inject('deep-import', 'state imports a file inside cdk/coalescing (not an entry point)', {
        project: 'state',
        file: 'libs/state/src/index.ts',
        line: "export * as injectedDeep from '@rx-angular/cdk/coalescing/src/lib/model';",
      }),
      inject('relative-cross-project', 'template imports state by a relative path', {
        project: 'template',
        file: 'libs/template/src/index.ts',
        line: "export * as injectedRelative from '../../state/src/index';",
      }),
      inject('cycle', 'cdk imports @rx-angular/state, which imports cdk', {
        project: 'cdk',
        file: 'libs/cdk/src/public_api.ts',
        line: "export * as injectedCycle from '@rx-angular/state';",
      }),
    ],
  },
  {
    id: 'octo',
    slug: 'quadnix/octo',
    commit: '00c96fe1c950d9aece414c60da1fd0e04780a884',
    nx: '21.4',
    packageManager: 'pnpm@10.34.9',
    upstreamPackageManager: 'pnpm@11.11.0',
    layout: 'package-based (pnpm, nodeLinker: hoisted), tags in package.json',
    frameworks: 'Node',
    eslintConfig: 'flat eslint.config.js per package (ESLint 9.33)',
    convert: convertPnpmSettings,
    installArgs: ['install'],
    addArgs: ['-w'],
    injections: [
      inject('cross-scope-package', 'octo-event-listeners imports @quadnix/octo-aws-cdk, declared in its package.json (scope:octo-event-listeners -> scope:octo-aws-cdk)', {
        project: '@quadnix/octo-event-listeners',
        file: 'packages/octo-event-listeners/src/index.ts',
        line: "export * as injectedCdk from '@quadnix/octo-aws-cdk';",
        declare: ['packages/octo-event-listeners/package.json', '@quadnix/octo-aws-cdk', 'workspace:*'],
      }),
      inject('deep-import', 'octo-event-listeners imports a file inside @quadnix/octo (not its entry point)', {
        project: '@quadnix/octo-event-listeners',
        file: 'packages/octo-event-listeners/src/index.ts',
        line: "export * as injectedDeep from '@quadnix/octo/src/app.type.js';",
      }),
      inject('relative-cross-project', 'octo-build imports octo by a relative path', {
        project: '@quadnix/octo-build',
        file: 'packages/octo-build/src/index.ts',
        line: "export * as injectedRelative from '../../octo/src/index.js';",
      }),
      inject('cycle', 'octo imports @quadnix/octo-event-listeners, declared in its package.json, which imports octo', {
        project: '@quadnix/octo',
        file: 'packages/octo/src/index.ts',
        line: "export * as injectedCycle from '@quadnix/octo-event-listeners';",
        declare: ['packages/octo/package.json', '@quadnix/octo-event-listeners', 'workspace:*'],
      }),
    ],
  },
];
