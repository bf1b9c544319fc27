import { parseJson, readJson, type Tree } from '@nx/devkit';

/** A project as adopt sees it: where it lives and what it is called. */
export interface ProjectPlace {
  name: string;
  root: string;
}

/** A bare import specifier that reaches a workspace project: a tsconfig `paths` alias or a package name. */
export interface WorkspaceAlias {
  specifier: string;
  project: string;
  /** The workspace file it maps to, when tsconfig names one. */
  target?: string;
  /** A `paths` entry ending in `/*`: it names folders to deep-import from, not an entry point. */
  wildcard?: boolean;
}

/** The project whose root holds `file`; the deepest root wins, so nested projects own their files. */
export function findOwner(file: string, projects: ProjectPlace[]): ProjectPlace | undefined {
  return projects
    .filter((p) => file === p.root || file.startsWith(`${p.root}/`))
    .sort((a, b) => b.root.length - a.root.length)[0];
}

/**
 * Every specifier that imports a workspace project: tsconfig.base.json (or tsconfig.json) `paths`
 * whose target lies in a project, and the `name` in each project's package.json. A wildcard alias
 * (`@ws/orders/*`) counts by its prefix; one that spans projects (`@ws/*` → `libs/*`) is skipped.
 */
export function readWorkspaceAliases(tree: Tree, projects: ProjectPlace[]): WorkspaceAlias[] {
  const aliases: WorkspaceAlias[] = [];
  for (const [alias, targets] of Object.entries(readPaths(tree))) {
    const target = Array.isArray(targets) && typeof targets[0] === 'string' ? targets[0].replace(/^\.\//, '') : undefined;
    const owner = target && !target.startsWith('*') ? findOwner(target.replace(/\/?\*.*$/, ''), projects) : undefined;
    const wildcard = alias.endsWith('/*');
    if (owner) aliases.push({ specifier: alias.replace(/\/\*$/, ''), project: owner.name, target: wildcard ? undefined : target, wildcard });
  }
  for (const project of projects) {
    const manifest = `${project.root}/package.json`;
    const name = tree.exists(manifest) ? readPackageName(tree, manifest) : undefined;
    if (name && !aliases.some((a) => a.specifier === name)) aliases.push({ specifier: name, project: project.name });
  }
  // Longest first, so `@ws/orders-api` is not taken for a deep import of `@ws/orders`.
  return aliases.sort((a, b) => b.specifier.length - a.specifier.length);
}

/** The alias a specifier goes through: itself, or the alias it deep-imports from. */
export function matchAlias(specifier: string, aliases: WorkspaceAlias[]): WorkspaceAlias | undefined {
  return aliases.find((a) => specifier === a.specifier || specifier.startsWith(`${a.specifier}/`));
}

function readPaths(tree: Tree): Record<string, unknown> {
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) {
    const text = tree.read(file, 'utf-8');
    if (text === null) continue;
    try {
      return (parseJson(text) as { compilerOptions?: { paths?: Record<string, unknown> } }).compilerOptions?.paths ?? {};
    } catch {
      return {};
    }
  }
  return {};
}

function readPackageName(tree: Tree, manifest: string): string | undefined {
  try {
    const name = readJson(tree, manifest).name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
