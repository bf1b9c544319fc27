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

/** Appends a line to a source file; the injection names the file and the line. */
export function appendLine(dir, file, line) {
  fs.appendFileSync(path.join(dir, file), `\n${line}\n`);
}

/** Adds a workspace package to a project's package.json, as a user declaring the import would. */
export function declareDependency(dir, packageJson, name, version) {
  const file = path.join(dir, packageJson);
  const pkg = readJson(file);
  pkg.dependencies = { ...pkg.dependencies, [name]: version };
  writeJson(file, pkg);
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
      {
        id: 'cross-scope-package',
        expect: /Dependency constraint/,
        what: 'cart-page imports @nx-example/products-home-page, declared in its package.json (scope:cart -> scope:products)',
        file: 'libs/cart/cart-page/src/index.ts',
        project: 'cart-cart-page',
        apply: (dir) => {
          declareDependency(dir, 'libs/cart/cart-page/package.json', '@nx-example/products-home-page', '*');
          appendLine(dir, 'libs/cart/cart-page/src/index.ts', "export * as injectedHome from '@nx-example/products-home-page';");
        },
      },
      {
        id: 'cross-scope-package-2',
        expect: /Dependency constraint/,
        what: 'shared-product-ui imports @nx-example/cart-cart-page, declared in its package.json (scope:shared -> scope:cart)',
        file: 'libs/shared/product/ui/src/index.ts',
        project: 'shared-product-ui',
        apply: (dir) => {
          declareDependency(dir, 'libs/shared/product/ui/package.json', '@nx-example/cart-cart-page', '*');
          appendLine(dir, 'libs/shared/product/ui/src/index.ts', "export * as injectedCart from '@nx-example/cart-cart-page';");
        },
      },
      {
        id: 'deep-import',
        expect: /Deep import/,
        what: 'products-home-page imports a file inside shared-product-state (not its entry point)',
        file: 'libs/products/home-page/src/index.ts',
        project: 'products-home-page',
        apply: (dir) => appendLine(dir, 'libs/products/home-page/src/index.ts', "export * as injectedDeep from '@nx-example/shared-product-state/src/lib/+state/products.selectors';"),
      },
      {
        id: 'relative-cross-project',
        expect: /Relative import/,
        what: 'cart-page imports products-home-page by a relative path',
        file: 'libs/cart/cart-page/src/index.ts',
        project: 'cart-cart-page',
        apply: (dir) => appendLine(dir, 'libs/cart/cart-page/src/index.ts', "export * as injectedRelative from '../../../products/home-page/src/index';"),
      },
      {
        id: 'cycle',
        expect: /Circular dependency/,
        what: 'shared-product-types imports shared-product-state, which imports it back',
        file: 'libs/shared/product/types/src/index.ts',
        project: 'shared-product-types',
        apply: (dir) => {
          declareDependency(dir, 'libs/shared/product/types/package.json', '@nx-example/shared-product-state', '*');
          appendLine(dir, 'libs/shared/product/types/src/index.ts', "export * as injectedCycle from '@nx-example/shared-product-state';");
        },
      },
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
      {
        id: 'cross-scope-package',
        expect: /Dependency constraint/,
        what: 'state imports @rx-angular/template (tag state may depend only on type:test-util, cdk)',
        file: 'libs/state/src/index.ts',
        project: 'state',
        apply: (dir) => appendLine(dir, 'libs/state/src/index.ts', "export * as injectedTemplate from '@rx-angular/template';"),
      },
      {
        id: 'deep-import',
        expect: /Deep import/,
        what: 'state imports a file inside cdk/coalescing (not an entry point)',
        file: 'libs/state/src/index.ts',
        project: 'state',
        apply: (dir) => appendLine(dir, 'libs/state/src/index.ts', "export * as injectedDeep from '@rx-angular/cdk/coalescing/src/lib/model';"),
      },
      {
        id: 'relative-cross-project',
        expect: /Relative import/,
        what: 'template imports state by a relative path',
        file: 'libs/template/src/index.ts',
        project: 'template',
        apply: (dir) => appendLine(dir, 'libs/template/src/index.ts', "export * as injectedRelative from '../../state/src/index';"),
      },
      {
        id: 'cycle',
        expect: /Circular dependency/,
        what: 'cdk imports @rx-angular/state, which imports cdk',
        file: 'libs/cdk/src/public_api.ts',
        project: 'cdk',
        apply: (dir) => appendLine(dir, 'libs/cdk/src/public_api.ts', "export * as injectedCycle from '@rx-angular/state';"),
      },
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
      {
        id: 'cross-scope-package',
        expect: /Dependency constraint/,
        what: 'octo-event-listeners imports @quadnix/octo-aws-cdk, declared in its package.json (scope:octo-event-listeners -> scope:octo-aws-cdk)',
        file: 'packages/octo-event-listeners/src/index.ts',
        project: '@quadnix/octo-event-listeners',
        apply: (dir) => {
          declareDependency(dir, 'packages/octo-event-listeners/package.json', '@quadnix/octo-aws-cdk', 'workspace:*');
          appendLine(dir, 'packages/octo-event-listeners/src/index.ts', "export * as injectedCdk from '@quadnix/octo-aws-cdk';");
        },
      },
      {
        id: 'deep-import',
        expect: /Deep import/,
        what: 'octo-event-listeners imports a file inside @quadnix/octo (not its entry point)',
        file: 'packages/octo-event-listeners/src/index.ts',
        project: '@quadnix/octo-event-listeners',
        apply: (dir) => appendLine(dir, 'packages/octo-event-listeners/src/index.ts', "export * as injectedDeep from '@quadnix/octo/src/app.type.js';"),
      },
      {
        id: 'relative-cross-project',
        expect: /Relative import/,
        what: 'octo-build imports octo by a relative path',
        file: 'packages/octo-build/src/index.ts',
        project: '@quadnix/octo-build',
        apply: (dir) => appendLine(dir, 'packages/octo-build/src/index.ts', "export * as injectedRelative from '../../octo/src/index.js';"),
      },
      {
        id: 'cycle',
        expect: /Circular dependency/,
        what: 'octo imports @quadnix/octo-event-listeners, declared in its package.json, which imports octo',
        file: 'packages/octo/src/index.ts',
        project: '@quadnix/octo',
        apply: (dir) => {
          declareDependency(dir, 'packages/octo/package.json', '@quadnix/octo-event-listeners', 'workspace:*');
          appendLine(dir, 'packages/octo/src/index.ts', "export * as injectedCycle from '@quadnix/octo-event-listeners';");
        },
      },
    ],
  },
];
