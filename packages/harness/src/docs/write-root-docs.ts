import type { Tree } from '@nx/devkit';
import { readHarnessConfig } from '../config/read-harness-config';
import { upsertMarkedBlock } from './markers';
import { readModuleRows } from './read-module-rows';
import { renderAgentsMap, renderArchitecture, renderModuleMap } from './render-docs';
import { RULES, RULE_IDS } from '../rules';

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
export function writeArchitecture(tree: Tree): void {
  const config = readHarnessConfig(readText(tree, 'harness.yaml'), RULE_IDS);
  const rows = RULES.map((r) => ({
    id: r.id,
    severity: config.rules[r.id]?.severity ?? r.defaultSeverity,
    description: r.description,
  }));
  writeIfChanged(
    tree,
    'ARCHITECTURE.md',
    upsertMarkedBlock(readText(tree, 'ARCHITECTURE.md'), renderArchitecture(config, rows), (marked) =>
      ['# Architecture', '', 'How the modules fit together and which way dependencies point. The part between the markers is generated from `harness.yaml`.', '', marked, ''].join('\n'),
    ),
  );
}

/** AGENTS.md: the short map an agent reads first. */
export function writeAgents(tree: Tree): void {
  writeIfChanged(
    tree,
    'AGENTS.md',
    upsertMarkedBlock(readText(tree, 'AGENTS.md'), renderAgentsMap(), (marked) =>
      ['# AGENTS.md', '', 'Start here. This is a map, not a manual: follow the links for depth.', '', marked, ''].join('\n'),
    ),
  );
}
