import { toAnchor } from '../../../core/markdown';
import { describeRubric } from './describe-rubric';
import { DIMENSION_IDS } from './rubric';
import type { LegibilityScore, ModuleScore, QualityReport } from './types';

/** A table cell: pipes would split the cell, newlines the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The generated block of docs/QUALITY_SCORE.md: rubric, legibility, module table, then each module. */
export function renderQualityMarkdown(report: QualityReport): string {
  return [describeRubric(), '', ...renderLegibility(report.legibility), '', ...renderModuleTable(report.modules), ...report.modules.flatMap(renderModule)].join('\n');
}

function renderLegibility(legibility: LegibilityScore): string[] {
  const lines = [`## Workspace legibility: ${legibility.grade} (${legibility.score}/100)`, '', '| Criterion | Result | Evidence |', '| --- | --- | --- |'];
  for (const c of legibility.criteria) lines.push(`| ${cell(c.title)} | ${c.passed ? 'pass' : 'FAIL'} | ${cell(c.evidence)} |`);
  const gaps = legibility.criteria.flatMap((c) => (c.gap ? [c.gap] : []));
  lines.push('', ...renderGaps(gaps));
  return lines;
}

function renderModuleTable(modules: ModuleScore[]): string[] {
  if (modules.length === 0) return ['## Modules', '', 'No modules yet. Add one with `nx g harness:module <name>`.'];
  const header = ['Module', 'Grade', 'Score', ...DIMENSION_IDS.map(capitalize)];
  const lines = ['## Modules', '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const m of modules) {
    const scores = DIMENSION_IDS.map((d) => String(m.dimensions[d].score));
    lines.push(`| [\`${m.name}\`](#${toAnchor(m.name)}) | ${m.grade} | ${m.score} | ${scores.join(' | ')} |`);
  }
  return lines;
}

function renderModule(m: ModuleScore): string[] {
  const lines = ['', `### ${m.name}`, '', `\`${m.root}\`: grade ${m.grade}, score ${m.score}/100.`, ''];
  for (const d of DIMENSION_IDS) {
    lines.push(`- ${capitalize(d)} ${m.dimensions[d].score}: ${m.dimensions[d].evidence.join('; ')}`);
  }
  lines.push('', ...renderGaps(DIMENSION_IDS.flatMap((d) => m.dimensions[d].gaps)));
  return lines;
}

function renderGaps(gaps: string[]): string[] {
  if (gaps.length === 0) return ['Next steps: none.'];
  return ['Next steps:', '', ...gaps.map((g) => `1. ${g}`)];
}
