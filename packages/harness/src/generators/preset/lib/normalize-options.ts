import { readJson, type Tree } from '@nx/devkit';
import type { PresetGeneratorSchema } from '../schema';

export interface NormalizedSchema extends PresetGeneratorSchema {
  module: string;
  naming: 'camelCase' | 'snake_case';
  formatter: 'none' | 'prettier';
  /** The Nx version of the new workspace: @nx/js and @nx/devkit are pinned to it. */
  nxVersion: string;
}

const KEBAB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Validates the options before anything is written; a refusal is one sentence with the fix. */
export function normalizeOptions(tree: Tree, schema: PresetGeneratorSchema): NormalizedSchema {
  const module = (schema.module ?? 'core').trim();
  if (!KEBAB_NAME.test(module)) {
    throw new Error(`harness: module name "${schema.module}" is not a kebab-case identifier; pass --module=<name> such as --module=billing.`);
  }
  const formatter = schema.formatter ?? 'prettier';
  if (formatter !== 'none' && formatter !== 'prettier') {
    throw new Error(`harness: formatter "${formatter}" is not supported by the harness preset; pass --formatter=prettier or --formatter=none.`);
  }
  return {
    ...schema,
    module,
    naming: schema.naming ?? 'camelCase',
    formatter,
    nxVersion: readNxVersion(tree),
  };
}

/** The version create-nx-workspace wrote for `nx`; else the Nx that runs this generator. */
function readNxVersion(tree: Tree): string {
  const pkg = tree.exists('package.json') ? readJson(tree, 'package.json') : {};
  const declared: unknown = pkg.devDependencies?.nx ?? pkg.dependencies?.nx;
  if (typeof declared === 'string' && declared) return declared;
  return (require('nx/package.json') as { version: string }).version;
}
