import type { ProjectGraph } from '@nx/devkit';
import { readWorkspaceText } from '../collect/read-workspace-file';
import { readConventions } from '../config/read-conventions';
import { HARNESS_CONFIG_FILE, readHarnessConfig } from '../config/read-harness-config';
import { resolveRuleSetting } from '../config/resolve-rule-setting';
import { extractFrontMatter, parseYamlSource, type YamlSource } from '../config/yaml-source';
import type { DepConstraint } from '../core/dep-constraint';
import { findConstraintsFor } from '../core/tag-match';
import { RULES } from '../rules';

/** Where a setting comes from: `harness.yaml:12`, `modules/billing/CONVENTIONS.md:3`, or `default`. */
export type SettingSource = string;

export interface RuleExplanation {
  project: string;
  root: string;
  tags: string[];
  constraints: Array<{ constraint: DepConstraint; source: SettingSource }>;
  conventions: Array<{ key: string; value: unknown; source: SettingSource }>;
  rules: Array<{ id: string; severity: string; options: Record<string, unknown>; source: SettingSource }>;
}

/**
 * Every rule that applies to one project, with its effective settings and the line each comes
 * from, so an agent can see why a finding fires and where to change it.
 */
export function explainRules(workspaceRoot: string, graph: ProjectGraph, project: string): RuleExplanation {
  const node = graph.nodes[project];
  const root = node.data.root === '.' ? '' : node.data.root;
  const tags = node.data.tags ?? [];
  const configText = readWorkspaceText(workspaceRoot, HARNESS_CONFIG_FILE);
  const config = readHarnessConfig(configText, RULES);
  const workspace = configText ? parseYamlSource(HARNESS_CONFIG_FILE, configText) : undefined;
  const conventionsFile = root ? `${root}/CONVENTIONS.md` : 'CONVENTIONS.md';
  const conventionsText = readWorkspaceText(workspaceRoot, conventionsFile);
  const module = readConventions(conventionsFile, conventionsText, config, RULES);
  const local = readFrontMatterSource(conventionsFile, conventionsText);
  const at = (src: YamlSource | undefined, path: Array<string | number>) =>
    src && has(src.data, path) ? `${src.file}:${src.lineOf(path)}` : undefined;
  const applicable = findConstraintsFor(config.constraints, tags);
  return {
    project,
    root,
    tags,
    constraints: applicable.map((constraint) => ({
      constraint,
      source: at(workspace, ['dependencies', 'constraints', config.constraints.indexOf(constraint)]) ?? 'default',
    })),
    conventions: Object.entries(module.conventions).map(([key, value]) => ({
      key,
      value,
      source: at(local, [key]) ?? at(workspace, ['conventions', key]) ?? 'default',
    })),
    // The workspace check (the root project) runs only the rules that judge workspace docs.
    rules: RULES.filter((rule) => root !== '' || rule.judgesWorkspace).map((rule) => {
      const setting = resolveRuleSetting(rule, config, module);
      return {
        id: rule.id,
        severity: setting.severity,
        options: setting.options,
        source: at(local, ['rules', rule.id]) ?? at(workspace, ['rules', rule.id]) ?? 'default',
      };
    }),
  };
}

function readFrontMatterSource(file: string, text: string | undefined): YamlSource | undefined {
  const front = text === undefined ? undefined : extractFrontMatter(text);
  return front ? parseYamlSource(file, front.yaml, front.firstLine - 1) : undefined;
}

function has(data: unknown, path: Array<string | number>): boolean {
  let value = data;
  for (const key of path) {
    if (!value || typeof value !== 'object' || !(key in (value as object))) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return true;
}

/** The explanation as the lines an agent reads. */
export function formatExplanation(explanation: RuleExplanation): string {
  const lines = [`${explanation.project} (${explanation.root || '.'}), tags: ${explanation.tags.join(', ') || 'none'}`, '', 'Dependency constraints:'];
  if (explanation.constraints.length === 0) lines.push('  none match its tags, so it may depend on no other project when any constraint exists');
  for (const { constraint, source } of explanation.constraints) lines.push(`  ${JSON.stringify(constraint)} (${source})`);
  lines.push('', 'Conventions:');
  for (const { key, value, source } of explanation.conventions) lines.push(`  ${key}: ${JSON.stringify(value)} (${source})`);
  lines.push('', 'Rules:');
  for (const rule of explanation.rules) {
    const options = Object.keys(rule.options).length ? ` ${JSON.stringify(rule.options)}` : '';
    lines.push(`  ${rule.id}: ${rule.severity}${options} (${rule.source})`);
  }
  return lines.join('\n');
}
