import * as path from 'node:path';
import { getProjects, readJson, type Tree } from '@nx/devkit';
import type { ModuleGeneratorSchema } from '../schema';

export interface NormalizedSchema extends ModuleGeneratorSchema {
  name: string;
  description: string;
  directory: string;
  scope: string;
  type: NonNullable<ModuleGeneratorSchema['type']>;
  naming: 'camelCase' | 'snake_case';
  coverage: number;
  tagList: string[];
  importPath: string;
  force: boolean;
}

const KEBAB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TAG = /^[\w:.\-/@*]+$/;

/** Validates every option before anything is written; each refusal is one sentence with the fix. */
export function normalizeOptions(tree: Tree, schema: ModuleGeneratorSchema): NormalizedSchema {
  const name = (schema.name ?? '').trim();
  if (!KEBAB_NAME.test(name)) {
    throw new Error(`harness: module name "${schema.name ?? ''}" is not a kebab-case identifier; use lower-case letters, digits and dashes, e.g. "billing" or "user-profile".`);
  }
  const directory = normalizeDirectory(schema.directory ?? `modules/${name}`);
  const force = !!schema.force;
  if (!force) refuseExisting(tree, name, directory);
  const scope = schema.scope ?? name;
  if (!KEBAB_NAME.test(scope)) {
    throw new Error(`harness: scope "${scope}" is not a kebab-case identifier; pass --scope=<name> such as --scope=payments.`);
  }
  const extra = (schema.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  for (const tag of extra) {
    if (!TAG.test(tag)) throw new Error(`harness: tag "${tag}" has characters a tag cannot hold; use letters, digits and : . - / only, e.g. --tags=team:core.`);
  }
  const coverage = schema.coverage ?? 80;
  if (!(coverage >= 0 && coverage <= 100)) {
    throw new Error(`harness: coverage "${schema.coverage}" is outside 0–100; pass a percentage such as --coverage=80.`);
  }
  const type = schema.type ?? 'feature';
  return {
    ...schema,
    name,
    description: (schema.description ?? '').trim() || `Owns the ${name} domain: its data, rules and public operations.`,
    directory,
    scope,
    type,
    naming: schema.naming ?? 'camelCase',
    coverage,
    tagList: [...new Set([`scope:${scope}`, `type:${type}`, ...extra])],
    importPath: schema.importPath ?? `${readNpmScope(tree)}/${name}`,
    force,
  };
}

/** A workspace-relative folder that cannot climb out of the workspace. */
function normalizeDirectory(directory: string): string {
  const posix = directory.replace(/\\/g, '/').replace(/\/+$/, '');
  const normalized = path.posix.normalize(posix);
  if (!posix || path.posix.isAbsolute(posix) || normalized.startsWith('..') || normalized === '.' || posix.split('/').includes('..')) {
    throw new Error(`harness: directory "${directory}" is outside the workspace; pass a relative folder inside it, e.g. --directory=modules/billing.`);
  }
  return normalized;
}

function refuseExisting(tree: Tree, name: string, directory: string): void {
  const projects = getProjects(tree);
  const clash = [...projects.entries()].find(([n, p]) => n === name || p.root === directory);
  if (clash) {
    throw new Error(`harness: a project "${clash[0]}" already exists at "${clash[1].root}"; choose another name, or pass --force to write over it.`);
  }
  if (tree.exists(directory)) {
    throw new Error(`harness: the folder "${directory}" already exists; choose another name or --directory, or pass --force to write over it.`);
  }
}

/** `@ws` from a root package named `@ws/source`; else `@<workspace folder name>`. */
function readNpmScope(tree: Tree): string {
  const name: string | undefined = tree.exists('package.json') ? readJson(tree, 'package.json').name : undefined;
  if (name?.startsWith('@')) return name.split('/')[0];
  const base = (name ?? path.basename(tree.root)).toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return `@${base}`;
}
