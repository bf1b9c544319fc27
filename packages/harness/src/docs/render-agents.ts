import type { NamingConventions } from '../config/types';
import { upsertMarkedBlock } from './markers';

export interface ModuleAgentsInput {
  name: string;
  /** Workspace-relative folder of the module, e.g. `modules/billing`. */
  root: string;
  tags: string[];
  /** The alias other modules import it by, e.g. `@acme/billing`. */
  importPath: string;
  /** One style for functions and variables (the generator's `--naming`), or the front-matter map. */
  naming: string | NamingConventions;
  /** Entry point relative to `root`; `src/index.ts` by default. */
  entryPoint?: string;
  /** The module's targets in the project graph; when given, the file names the ones to run. */
  targets?: string[];
  /** The module's docs that exist (`README.md`, `CONVENTIONS.md`); both by default. Only these are linked. */
  docs?: string[];
}

/** Targets an agent runs first, in this order; the rest follow alphabetically. */
const FIRST_TARGETS = ['harness-check', 'test', 'build', 'lint', 'typecheck'];
const TARGET_PURPOSE: Record<string, string> = {
  'harness-check': 'the rules; each finding says how to fix it',
  test: 'unit tests',
  build: 'build',
  lint: 'lint',
  typecheck: 'type check',
};
const MAX_TARGETS = 10;
const MAX_PROJECTS_SHOWN = 4;

/**
 * A module's own AGENTS.md. Agents read it after the root one, so it holds only what differs
 * here: tags, entry point, naming and where to read on. The list sits between the harness
 * markers so `nx sync` can refresh it; a title above them is the user's.
 */
export function renderModuleAgents(input: ModuleAgentsInput): string {
  return upsertMarkedBlock(undefined, renderModuleAgentsBlock(input), (marked) =>
    [`# ${input.name}: agent notes`, '', `Read after the root AGENTS.md; only what differs in \`${input.root}\`.`, '', marked, ''].join('\n'),
  );
}

/** The generated part of a module's AGENTS.md. */
export function renderModuleAgentsBlock(input: ModuleAgentsInput): string {
  const entryPoint = input.entryPoint ?? 'src/index.ts';
  const lines = [
    `- Tags: ${input.tags.map((t) => `\`${t}\``).join(', ') || 'none'}; the constraints in \`harness.yaml\` for these tags decide what this module may import.`,
    `- Entry point: \`${entryPoint}\`. Other modules import \`${input.importPath}\` and nothing deeper.`,
    `- Naming here: ${describeNaming(input.naming)}.`,
  ];
  const docs = input.docs ?? ['README.md', 'CONVENTIONS.md'];
  const readme = docs.includes('README.md') ? '[README.md](README.md) for its purpose and public API' : '';
  const conventions = docs.includes('CONVENTIONS.md') ? '[CONVENTIONS.md](CONVENTIONS.md) for the rules checked here' : '';
  // A link to a missing file would break the module's own check; its docs rule says what to write.
  if (readme || conventions) lines.push(`- Read ${[readme, conventions].filter(Boolean).join(', then ')}.`);
  const targets = sortTargets(input.targets ?? []);
  if (targets.length) lines.push(`- Run: ${targets.map((t) => `\`npx nx run ${input.name}:${t}\``).join(', ')}.`);
  return lines.join('\n');
}

function describeNaming(naming: string | NamingConventions): string {
  if (typeof naming === 'string') return `functions and variables ${naming}, classes and types PascalCase, constants UPPER_CASE, files kebab-case`;
  const parts = Object.entries(naming).filter(([, style]) => style);
  return parts.length ? parts.map(([kind, style]) => `${kind} ${style}`).join(', ') : 'as in the workspace `harness.yaml`';
}

/** CLAUDE.md imports AGENTS.md, so Claude Code and other agents read one text that cannot drift. */
export function renderClaudeMd(): string {
  return ['@AGENTS.md', '', 'Claude Code reads this file; the instructions are in AGENTS.md, imported above, so both stay the same.', ''].join('\n');
}

/** For every agent, hooked or not: the sub-second check of what it just edited. */
const AFTER_EDIT_LINE = '- After editing files: `npx harness check <files>` runs every rule on just those files, without an Nx run; each finding says how to fix it.';

/**
 * The commands section of AGENTS.md, from the project graph (project → its targets), so it
 * names only targets that exist; `nx sync` rewrites it when the graph changes. `workspaceProject`
 * names the root project, whose harness-check judges the workspace docs.
 */
export function renderCommandsSection(targets: Record<string, string[]>, workspaceProject?: string): string {
  const lines = ['## Commands', ''];
  const byTarget = groupProjectsByTarget(targets);
  const names = sortTargets([...byTarget.keys()]);
  const workspaceLine = workspaceProject
    ? [`- The workspace docs (AGENTS.md, BRIEF.md, ARCHITECTURE.md, docs/) and harness.yaml: \`npx nx run ${workspaceProject}:harness-check\`.`]
    : [];
  if (names.length === 0) {
    lines.push('No project has a target yet. Add a module with `npx nx g harness:module <name>`.', ...workspaceLine);
    return lines.join('\n');
  }
  lines.push('Generated from the project graph by `nx sync`; every target named here exists.', '');
  for (const target of names.slice(0, MAX_TARGETS)) {
    const projects = byTarget.get(target) ?? [];
    const purpose = TARGET_PURPOSE[target] ? `: ${TARGET_PURPOSE[target]}` : '';
    lines.push(`- \`npx nx run-many -t ${target}\` (${listProjects(projects)})${purpose}.`);
  }
  if (names.length > MAX_TARGETS) lines.push(`- ${names.length - MAX_TARGETS} more targets: \`npx nx show projects --json\` and \`npx nx show project <name>\` list them.`);
  const example = names[0];
  lines.push(
    `- One project: \`npx nx run ${(byTarget.get(example) ?? [])[0]}:${example}\`; any project and target above combine the same way.`,
    `- Only what changed: \`npx nx affected -t ${example}\`.`,
    ...workspaceLine,
    AFTER_EDIT_LINE,
    '- `npx nx g harness:module <name>`: add a module with docs, tests and boundary tags.',
  );
  return lines.join('\n');
}

/** Target → projects that have it, without Nx's internal targets. */
function groupProjectsByTarget(targets: Record<string, string[]>): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const project of Object.keys(targets).sort()) {
    for (const target of targets[project]) {
      if (isInternalTarget(target)) continue;
      byTarget.set(target, [...(byTarget.get(target) ?? []), project]);
    }
  }
  return byTarget;
}

/** Nx infers these for its own machinery (release, task-graph helpers, atomized CI splits). */
function isInternalTarget(target: string): boolean {
  return target === 'nx-release-publish' || target.endsWith('-deps') || target.includes('--');
}

function sortTargets(targets: string[]): string[] {
  const rank = (t: string) => (FIRST_TARGETS.includes(t) ? FIRST_TARGETS.indexOf(t) : FIRST_TARGETS.length);
  return [...new Set(targets)].filter((t) => !isInternalTarget(t)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function listProjects(projects: string[]): string {
  const shown = projects.slice(0, MAX_PROJECTS_SHOWN).join(', ');
  return projects.length > MAX_PROJECTS_SHOWN ? `${shown} and ${projects.length - MAX_PROJECTS_SHOWN} more` : shown;
}
