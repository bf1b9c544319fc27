import type { ProjectGraph } from '@nx/devkit';
import { parseSource } from '../collect/parse-source';
import { createImportResolver } from '../collect/resolve-import';
import { DEFAULT_CONVENTIONS } from '../config/defaults';
import type { Conventions, HarnessConfig, RuleSetting } from '../config/types';
import type { RuleContext } from '../rules/types';
import type { CheckContext, GitRunner, ProjectInfo } from '../collect/types';
import { CODE_FILE } from '../core/source-files';

/** A project in an in-memory workspace; files are found by root prefix. */
export interface TestProject {
  name: string;
  root: string;
  tags?: string[];
  alias?: string;
  projectType?: 'library' | 'application';
}

export interface TestWorkspace {
  projects: TestProject[];
  /** Workspace-relative path → text. */
  files: Record<string, string>;
  /** Project-graph edges as `[source, target]`; derived from imports when omitted. */
  edges?: Array<[string, string]>;
  /** npm packages as graph nodes, e.g. `lodash`. */
  externalPackages?: string[];
  config?: Partial<HarnessConfig>;
  git?: GitRunner;
  base?: string;
  now?: () => number;
  /** Workspace-relative path → modification time in ms; files not listed get 0. */
  mtimes?: Record<string, number>;
}

/**
 * Builds the same CheckContext that collect/ builds from Nx, but from plain data, so rule tests
 * run in milliseconds with no workspace on disk. Graph edges and file deps are derived from the
 * files' imports unless given, as Nx derives them.
 */
export function createTestCheckContext(ws: TestWorkspace): CheckContext {
  const fileNames = Object.keys(ws.files);
  const projects: Record<string, ProjectInfo> = {};
  for (const p of ws.projects) {
    const prefix = p.root ? p.root + '/' : '';
    projects[p.name] = {
      name: p.name,
      root: p.root,
      sourceRoot: `${p.root}/src`,
      tags: p.tags ?? [],
      files: fileNames.filter((f) => f.startsWith(prefix)),
      importAliases: [p.alias ?? `@test/${p.name}`],
      entryPoints: [`${p.root}/src/index.ts`],
      projectType: p.projectType ?? 'library',
    };
  }
  const resolveImport = createImportResolver(projects, new Set(fileNames));
  const cache = new Map<string, ReturnType<typeof parseSource>>();
  const readSource = (file: string) => {
    let facts = cache.get(file);
    if (!facts) {
      facts = parseSource(file, ws.files[file] ?? '');
      cache.set(file, facts);
    }
    return facts;
  };
  const fileDeps: Record<string, string[]> = {};
  const graph: ProjectGraph = { nodes: {}, externalNodes: {}, dependencies: {} };
  for (const p of Object.values(projects)) {
    graph.nodes[p.name] = { name: p.name, type: 'lib', data: { root: p.root, tags: p.tags } };
    graph.dependencies[p.name] = [];
  }
  for (const pkg of ws.externalPackages ?? []) {
    graph.externalNodes![`npm:${pkg}`] = {
      name: `npm:${pkg}`,
      type: 'npm',
      data: { version: '1.0.0', packageName: pkg },
    };
  }
  const addEdge = (source: string, target: string) => {
    const list = graph.dependencies[source];
    if (list && !list.some((d) => d.target === target)) list.push({ source, target, type: 'static' });
  };
  for (const p of Object.values(projects)) {
    for (const file of p.files) {
      if (!CODE_FILE.test(file)) continue;
      const deps = new Set<string>();
      for (const imp of readSource(file).imports) {
        const r = resolveImport(file, imp.specifier);
        if (r.project && r.project !== p.name) deps.add(r.project);
        if (r.externalPackage && graph.externalNodes![`npm:${r.externalPackage}`]) deps.add(`npm:${r.externalPackage}`);
      }
      fileDeps[file] = [...deps];
      if (!ws.edges) for (const d of deps) addEdge(p.name, d);
    }
  }
  for (const [source, target] of ws.edges ?? []) addEdge(source, target);
  const config: HarnessConfig = {
    file: 'harness.yaml',
    constraints: [],
    rules: {},
    conventions: DEFAULT_CONVENTIONS,
    ...ws.config,
  };
  return {
    workspaceRoot: '/virtual',
    projects,
    graph,
    fileDeps,
    config,
    readSource,
    isParsed: (file) => cache.has(file),
    resolveImport,
    readText: (file) => ws.files[file],
    exists: (file) => file in ws.files || fileNames.some((f) => f.startsWith(file.replace(/\/$/, '') + '/')),
    mtimeOf: (file) => (file in ws.files ? (ws.mtimes?.[file] ?? 0) : undefined),
    git: ws.git ?? (() => ''),
    base: ws.base,
    now: ws.now ?? (() => Date.now()),
  };
}

/** Narrows a CheckContext to one project and one rule setting, as the runner does. */
export function createTestRuleContext(
  check: CheckContext,
  projectName: string,
  overrides: { conventions?: Partial<Conventions>; setting?: Partial<RuleSetting> } = {},
): RuleContext {
  const project = check.projects[projectName];
  if (!project) throw new Error(`createTestRuleContext: no project "${projectName}" in the test workspace.`);
  return {
    ...check,
    project,
    conventions: { ...check.config.conventions, ...overrides.conventions },
    conventionsFile: `${project.root}/CONVENTIONS.md`,
    setting: { severity: 'error', options: {}, ...overrides.setting },
  };
}
