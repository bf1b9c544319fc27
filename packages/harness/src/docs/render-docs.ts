import type { HarnessConfig } from '../config/types';
import type { DepConstraint } from '../core/dep-constraint';
import { describeLayerOrder } from './describe-layer-order';
import type { ModuleRow } from './read-module-rows';

/**
 * The module map of BRIEF.md: name, path, tags and one-line purpose per module. The path links
 * the module's README, or its folder when it has none, so the map never links a missing file.
 */
export function renderModuleMap(rows: ModuleRow[]): string {
  const lines = ['## Module map', ''];
  if (rows.length === 0) {
    lines.push('No modules yet. Add one with `nx g harness:module <name>`.');
    return lines.join('\n');
  }
  lines.push('| Module | Path | Tags | Purpose |', '| --- | --- | --- | --- |');
  for (const r of rows) {
    const tags = r.tags.map((t) => `\`${t}\``).join(' ');
    lines.push(`| \`${r.name}\` | [${r.root}](${r.hasReadme ? `${r.root}/README.md` : r.root}) | ${tags} | ${r.purpose} |`);
  }
  return lines.join('\n');
}

const list = (tags: string[] | undefined) => (tags ?? []).map((t) => `\`${t}\``).join(', ');

/** One constraint in words, as the dependency findings state it. */
export function describeConstraint(c: DepConstraint): string {
  const source = c.sourceTag ? `\`${c.sourceTag}\`` : `projects with all of ${list(c.allSourceTags)}`;
  const parts: string[] = [];
  if (c.onlyDependOnLibsWithTags) parts.push(`may depend only on ${list(c.onlyDependOnLibsWithTags)}`);
  if (c.notDependOnLibsWithTags) parts.push(`must not depend on ${list(c.notDependOnLibsWithTags)}, even transitively`);
  if (c.bannedExternalImports) parts.push(`must not import ${list(c.bannedExternalImports)}`);
  if (c.allowedExternalImports) parts.push(`may import only the packages ${list(c.allowedExternalImports)}`);
  return `${source} ${parts.join('; ') || 'has no restriction'}${c.explanation ? `. Why: ${c.explanation}` : ''}`;
}

/** The generated part of ARCHITECTURE.md: the module graph, dependency rules, layers, and the rule table. */
export function renderArchitecture(
  config: HarnessConfig,
  ruleRows: Array<{ id: string; severity: string; description: string }>,
  moduleGraph = '',
): string {
  const lines = moduleGraph ? ['## Module graph', '', moduleGraph, ''] : [];
  lines.push('## Dependency rules', '');
  lines.push(
    'Every import between projects is checked against `harness.yaml` `dependencies.constraints`, with the',
    'semantics of `@nx/enforce-module-boundaries`. Another module is imported only through its entry point',
    '(`src/index.ts`), and projects never depend on each other in a cycle.',
    '',
  );
  if (config.constraints.length === 0) {
    lines.push('No constraints yet: add them to `harness.yaml` under `dependencies.constraints`.');
  } else {
    for (const c of config.constraints) lines.push(`- ${describeConstraint(c)}`);
  }
  lines.push('', '## Layers', '');
  const layers = config.conventions.layers;
  lines.push(
    layers.length
      ? describeLayerOrder(layers)
      : 'Each module may declare folder layers in its CONVENTIONS.md front matter (`layers: [types, service, ui]`); a file may then import only its own layer or earlier ones.',
  );
  lines.push('', '## Documentation', '');
  lines.push('Each module has a README.md (Purpose, Public API, Dependencies, Testing) and a CONVENTIONS.md whose front matter is the rules the check enforces.');
  lines.push('Agent files are short and true: the root AGENTS.md stays within 100 lines and a module\'s within 40, the chain from the root down to any module within 32 KiB, no line repeats between a parent and a child file, and every path, link, anchor, `npm run` script and `nx` target they name exists (rule `agents-md`).');
  lines.push('', '## Taste invariants', '');
  lines.push('Files stay short (`file-size`), and module code logs through a logger, never `console.*` (`no-console`).');
  lines.push('', '## Rules', '', '| Rule | Severity | Checks |', '| --- | --- | --- |');
  for (const r of ruleRows) lines.push(`| \`${r.id}\` | ${r.severity} | ${r.description} |`);
  return lines.join('\n');
}

/** The generated part of AGENTS.md: the map an agent reads first; the commands come from the graph. */
export function renderAgentsMap(commands: string): string {
  return [
    '## Map',
    '',
    '- `BRIEF.md`: what this repo does, and the module map (one row per module).',
    '- `ARCHITECTURE.md`: the module graph, dependency rules, layers and the rule table.',
    '- `harness.yaml`: the workspace rules the check enforces.',
    '- `docs/`: design docs, execution plans and the tech-debt tracker.',
    '- Each module has README.md, then CONVENTIONS.md (its front matter is enforced), and a short AGENTS.md of what differs there.',
    '',
    commands,
    '',
    '## Rules of the road',
    '',
    '- Import another module only through its entry point (its package name, e.g. `@scope/module`).',
    '- Follow the module\'s CONVENTIONS.md; `harness-check` enforces its front matter.',
    '- New code comes with tests.',
  ].join('\n');
}
