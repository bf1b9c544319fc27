import type { DepConstraint } from '../core/dep-constraint';

export interface DiagramProject {
  name: string;
  tags: string[];
}

export interface ModuleDiagramInput {
  projects: DiagramProject[];
  /** Project-graph edges as `[from, to]`; edges to anything not in `projects` (npm) are dropped. */
  edges: Array<[string, string]>;
  constraints: DepConstraint[];
  /** True when the edge breaks a constraint (judged as the `dependency-constraints` rule judges it). */
  breaksConstraint(from: string, to: string): boolean;
}

/** What the diagram's arrows mean; print it under the diagram. */
export const MODULE_DIAGRAM_LEGEND =
  'Solid arrows are dependencies in the project graph; thick red arrows break a constraint in `harness.yaml`. ' +
  'Dotted arrows between scopes are the directions `harness.yaml` allows ("may use") or forbids ("must not use").';

const SCOPE_PREFIX = 'scope:';
const OTHER_GROUP = 'other';
const BROKEN_EDGE_STYLE = 'stroke:#d32f2f,stroke-width:3px';

/**
 * The modules as a Mermaid flowchart: one subgraph per `scope:` tag (projects without one under
 * "other"), the graph's edges between them with the ones that break a constraint in red, and the scope-to-scope
 * directions the constraints allow or forbid. Constraints on other tags, globs or external
 * imports have no scope box to point at; the rules list in words beside the diagram covers them.
 */
export function renderModuleDiagram(input: ModuleDiagramInput): string {
  const lines = ['flowchart LR'];
  const projects = [...input.projects].sort((a, b) => compareText(a.name, b.name));
  if (projects.length === 0) return [...lines, '  empty["No modules yet"]'].join('\n');
  const ids = createIdMaker();
  const groups = groupByScope(projects);
  for (const [group, members] of groups) {
    lines.push(`  subgraph ${ids.of('s', group)}["${escapeLabel(group)}"]`);
    for (const name of members) lines.push(`    ${ids.of('p', name)}["${escapeLabel(name)}"]`);
    lines.push('  end');
  }
  const links: string[] = [];
  const broken: number[] = [];
  for (const [from, to] of listProjectEdges(input.edges, new Set(projects.map((p) => p.name)))) {
    const [a, b] = [ids.of('p', from), ids.of('p', to)];
    if (input.breaksConstraint(from, to)) {
      broken.push(links.length);
      links.push(`${a} ==>|violates| ${b}`);
    } else {
      links.push(`${a} --> ${b}`);
    }
  }
  for (const [from, to, allowed] of listScopeDirections(input.constraints, groups)) {
    const [a, b] = [ids.of('s', from), ids.of('s', to)];
    links.push(allowed ? `${a} -.->|may use| ${b}` : `${a} -.-x|must not use| ${b}`);
  }
  lines.push(...links.map((l) => `  ${l}`));
  if (broken.length) lines.push(`  linkStyle ${broken.join(',')} ${BROKEN_EDGE_STYLE}`);
  return lines.join('\n');
}

/**
 * A module's folder layers, top layer first, as a Mermaid flowchart: each arrow points to the
 * layer below, which is what it may import. Undefined when the module declares no layers.
 */
export function renderLayersDiagram(layers: string[]): string | undefined {
  if (layers.length === 0) return undefined;
  const ids = createIdMaker();
  const topDown = [...layers].reverse();
  const lines = ['flowchart TD'];
  for (const layer of topDown) lines.push(`  ${ids.of('l', layer)}["${escapeLabel(layer)}"]`);
  for (let i = 0; i + 1 < topDown.length; i++) lines.push(`  ${ids.of('l', topDown[i])} --> ${ids.of('l', topDown[i + 1])}`);
  return lines.join('\n');
}

/** A diagram as a fenced block that GitHub renders. */
export function fenceMermaid(diagram: string): string {
  return ['```mermaid', diagram, '```'].join('\n');
}

/** Scope label → member names, scopes sorted, "other" last. A project's first scope tag wins. */
function groupByScope(projects: DiagramProject[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of projects) {
    const scope = p.tags.filter((t) => t.startsWith(SCOPE_PREFIX)).sort(compareText)[0] ?? OTHER_GROUP;
    groups.set(scope, [...(groups.get(scope) ?? []), p.name]);
  }
  const keys = [...groups.keys()].sort((a, b) => Number(a === OTHER_GROUP) - Number(b === OTHER_GROUP) || compareText(a, b));
  return new Map(keys.map((k) => [k, groups.get(k) ?? []]));
}

/** Edges between listed projects, without self-edges or repeats, in a stable order. */
function listProjectEdges(edges: Array<[string, string]>, names: Set<string>): Array<[string, string]> {
  const unique = new Map<string, [string, string]>();
  for (const [from, to] of edges) {
    if (from !== to && names.has(from) && names.has(to)) unique.set(`${from}\n${to}`, [from, to]);
  }
  return [...unique.values()].sort((x, y) => compareText(x[0], y[0]) || compareText(x[1], y[1]));
}

/** `[from scope, to scope, allowed]` for constraints whose tags are scopes drawn in the diagram. */
function listScopeDirections(constraints: DepConstraint[], groups: Map<string, string[]>): Array<[string, string, boolean]> {
  const directions = new Map<string, [string, string, boolean]>();
  for (const c of constraints) {
    if (!c.sourceTag || !groups.has(c.sourceTag) || c.sourceTag === OTHER_GROUP) continue;
    const add = (tags: string[] | undefined, allowed: boolean) => {
      for (const tag of tags ?? []) {
        if (tag === c.sourceTag || tag === OTHER_GROUP || !groups.has(tag)) continue;
        directions.set(`${c.sourceTag}\n${tag}`, [c.sourceTag as string, tag, allowed]);
      }
    };
    add(c.onlyDependOnLibsWithTags, true);
    add(c.notDependOnLibsWithTags, false);
  }
  return [...directions.values()].sort((x, y) => compareText(x[0], y[0]) || compareText(x[1], y[1]));
}

/**
 * Mermaid ids from arbitrary names: letters, digits and `_` only, behind a prefix so no id is a
 * keyword (`end`, `graph`) or starts an arrow (`o`, `x`); a counter keeps sanitised clashes apart.
 */
function createIdMaker(): { of(prefix: string, name: string): string } {
  const byKey = new Map<string, string>();
  const used = new Set<string>();
  return {
    of(prefix, name) {
      const key = `${prefix}\n${name}`;
      const known = byKey.get(key);
      if (known) return known;
      const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
      used.add(id);
      byKey.set(key, id);
      return id;
    },
  };
}

/** Text inside `["..."]`: Mermaid reads `#quot;`-style entities, so quotes and brackets cannot break out. */
function escapeLabel(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
