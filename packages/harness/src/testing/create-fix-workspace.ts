import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { runCheck } from '../check/run-check';
import { collectWorkspace } from '../collect/collect-workspace';
import type { ProjectFiles } from '../collect/read-file-map';
import { readHarnessConfig } from '../config/read-harness-config';
import type { Finding } from '../core/finding';
import { RULES } from '../rules';
import type { CheckContext } from '../collect/types';
import { createTempFolder } from './temp-folders';

export interface FixtureModule {
  name: string;
  root: string;
  /** The npm package name Nx records in TS-solution workspaces. */
  packageName?: string;
}

/** A workspace on disk, checked the way the executor checks it, for `--fix` specs. */
export interface FixWorkspace {
  root: string;
  /** Nx's file map as Nx would compute it from the disk now. */
  listProjectFiles(): ProjectFiles;
  /** Collects the workspace (with the given file map, else the disk's) and runs the rules over one project. */
  check(project: string, rules?: string[], projectFiles?: ProjectFiles): Promise<{ context: CheckContext; findings: Finding[] }>;
  /** Every file under the root, path → bytes as text, for before/after snapshots. */
  readAll(): Record<string, string>;
}

export function createFixWorkspace(modules: FixtureModule[], files: Record<string, string>): FixWorkspace {
  const root = createTempFolder('harness-fix-');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const readAll = () => Object.fromEntries(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'latin1')]));
  const graph: ProjectGraph = { nodes: {}, dependencies: {} };
  for (const m of modules) {
    const metadata = m.packageName ? { js: { packageName: m.packageName } } : undefined;
    graph.nodes[m.name] = { name: m.name, type: 'lib', data: { root: m.root, tags: [], metadata } };
    graph.dependencies[m.name] = [];
  }
  const listProjectFiles = (): ProjectFiles => {
    const all = listFiles(root);
    return Object.fromEntries(modules.map((m) => [m.name, all.filter((f) => f.startsWith(`${m.root}/`)).map((file) => ({ file, hash: '1', deps: [] }))]));
  };
  return {
    root,
    readAll,
    listProjectFiles,
    async check(project, rules = ['naming', 'docs', 'tests'], projectFiles = listProjectFiles()) {
      const config = readHarnessConfig(undefined, RULES);
      const context = await collectWorkspace({ workspaceRoot: root, graph, config, projectFiles, git: () => '' });
      const { findings } = await runCheck(context, [project], rules);
      return { context, findings };
    },
  };
}

function listFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

/** Paths whose text differs between two snapshots, including added and removed files, sorted. */
export function listChangedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((p) => before[p] !== after[p]).sort();
}

/** A README and CONVENTIONS.md whose sections all hold real text, so the docs rule is quiet. */
export function writeModuleDocs(root: string, frontMatter = ''): Record<string, string> {
  const section = (title: string) => `## ${title}\n\nReal text about ${title.toLowerCase()}.\n`;
  return {
    [`${root}/README.md`]: `# ${root}\n\n${['Purpose', 'Public API', 'Dependencies', 'Testing'].map(section).join('\n')}`,
    [`${root}/CONVENTIONS.md`]: `${frontMatter}# Conventions\n\n${['Naming', 'Dependencies', 'Testing', 'Coverage', 'Layers'].map(section).join('\n')}`,
  };
}
