import type { Tree } from '@nx/devkit';
import { readHarnessConfig } from '../config/read-harness-config';
import { upsertMarkedBlock } from './markers';
import { readModuleRows } from './read-module-rows';
import { renderAgentsMap, renderArchitecture, renderModuleMap } from './render-docs';
import { readWorkspaceGraph, type WorkspaceGraph } from './read-workspace-graph';
import { renderClaudeMd, renderCommandsSection, renderModuleAgentsBlock } from './render-agents';
import { fenceMermaid, MODULE_DIAGRAM_LEGEND, renderModuleDiagram } from './render-mermaid';
import { readConventions } from '../config/read-conventions';
import { RULES } from '../rules';
import { nameWorkspaceProject } from '../core/workspace-project';
import { breaksTagConstraints, type TaggedGraph } from '../core/edge-judgement';
import { createAdjacency } from '../core/graph-paths';

/** Writes `file` only when its content changes, so a second run reports no changes. */
function writeIfChanged(tree: Tree, file: string, text: string): void {
  if (tree.read(file, 'utf-8') !== text) tree.write(file, text);
}

const readText = (tree: Tree, file: string) => (tree.exists(file) ? tree.read(file, 'utf-8') ?? undefined : undefined);

/** BRIEF.md: what the repo does (the user's text) and the generated module map. */
export function writeBrief(tree: Tree): void {
  const block = renderModuleMap(readModuleRows(tree));
  writeIfChanged(
    tree,
    'BRIEF.md',
    upsertMarkedBlock(readText(tree, 'BRIEF.md'), block, (marked) =>
      ['# Brief', '', 'What this repository does, for whom, and its current state. Keep it to a page.', '', marked, ''].join('\n'),
    ),
  );
}

/** ARCHITECTURE.md: the rules from harness.yaml, regenerated between the markers. */
export function writeArchitecture(tree: Tree, graph: WorkspaceGraph = readWorkspaceGraph(tree)): void {
  const config = readHarnessConfig(readText(tree, 'harness.yaml'), RULES);
  const tagged = readTaggedGraph(graph);
  const diagram = renderModuleDiagram({
    projects: graph.projects,
    edges: graph.edges,
    constraints: config.constraints,
    breaksConstraint: (from, to) => breaksTagConstraints(config.constraints, from, to, tagged),
  });
  const moduleGraph = `${fenceMermaid(diagram)}\n\n${MODULE_DIAGRAM_LEGEND}`;
  const rows = RULES.map((r) => ({
    id: r.id,
    severity: config.rules[r.id]?.severity ?? r.defaultSeverity,
    description: r.description,
  }));
  writeIfChanged(
    tree,
    'ARCHITECTURE.md',
    upsertMarkedBlock(readText(tree, 'ARCHITECTURE.md'), renderArchitecture(config, rows, moduleGraph), (marked) =>
      ['# Architecture', '', 'How the modules fit together and which way dependencies point. The part between the markers is generated from `harness.yaml`.', '', marked, ''].join('\n'),
    ),
  );
}

/** The graph as the dependency-constraints rule judges it, so the diagram's red arrows are its findings. */
function readTaggedGraph(graph: WorkspaceGraph): TaggedGraph {
  const tagsOf = new Map(graph.projects.map((p) => [p.name, p.tags]));
  const names = new Set([...tagsOf.keys(), ...graph.edges.flat()]);
  return { adjacency: createAdjacency(names, graph.edges), tagsOf: (project) => tagsOf.get(project) ?? [] };
}

/** AGENTS.md: the short map an agent reads first. */
export function writeAgents(tree: Tree, graph: WorkspaceGraph = readWorkspaceGraph(tree)): void {
  const targets = Object.fromEntries(graph.projects.map((p) => [p.name, withCheckTarget(p.targets)]));
  // AGENTS.md is a workspace doc, so with it the root project carries the workspace check.
  const workspace = nameWorkspaceProject(readText(tree, 'package.json'), readText(tree, 'project.json'));
  writeIfChanged(
    tree,
    'AGENTS.md',
    upsertMarkedBlock(readText(tree, 'AGENTS.md'), renderAgentsMap(renderCommandsSection(targets, workspace)), (marked) =>
      ['# AGENTS.md', '', 'Start here. This is a map, not a manual: follow the links for depth.', '', marked, ''].join('\n'),
    ),
  );
}

/** harness-check is inferred on every project; before Nx has a graph the tree does not show it. */
function withCheckTarget(targets: string[]): string[] {
  return targets.includes('harness-check') ? targets : [...targets, 'harness-check'];
}

/** CLAUDE.md imports AGENTS.md; an existing CLAUDE.md only gains the import line. */
export function writeClaude(tree: Tree): void {
  const text = readText(tree, 'CLAUDE.md');
  if (text === undefined) tree.write('CLAUDE.md', renderClaudeMd());
  else if (!/^@AGENTS\.md\s*$/m.test(text)) tree.write('CLAUDE.md', `@AGENTS.md\n\n${text}`);
}

/** Refreshes the generated part of every module's own AGENTS.md (targets, naming, tags). */
export function writeModuleAgents(tree: Tree, graph: WorkspaceGraph = readWorkspaceGraph(tree)): void {
  const config = readHarnessConfig(readText(tree, 'harness.yaml'), RULES);
  for (const project of graph.projects) {
    const file = `${project.root}/AGENTS.md`;
    const text = readText(tree, file);
    if (text === undefined) continue;
    const conventionsFile = `${project.root}/CONVENTIONS.md`;
    let naming;
    try {
      naming = readConventions(conventionsFile, readText(tree, conventionsFile), config, RULES).conventions.naming;
    } catch {
      naming = config.conventions.naming;
    }
    const importPath = readPackageName(readText(tree, `${project.root}/package.json`)) ?? project.name;
    const docs = ['README.md', 'CONVENTIONS.md'].filter((doc) => tree.exists(`${project.root}/${doc}`));
    const block = renderModuleAgentsBlock({ name: project.name, root: project.root, tags: project.tags, importPath, naming, targets: withCheckTarget(project.targets), docs });
    writeIfChanged(tree, file, upsertMarkedBlock(text, block, (marked) => marked));
  }
}

function readPackageName(text: string | undefined): string | undefined {
  try {
    return text ? (JSON.parse(text) as { name?: string }).name : undefined;
  } catch {
    return undefined;
  }
}
