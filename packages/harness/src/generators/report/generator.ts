import { createProjectGraphAsync, logger, type Tree } from '@nx/devkit';
import { QUALITY_JSON, QUALITY_MARKDOWN, writeQualityReport } from './lib/write-quality-report';
import type { ReportGeneratorSchema } from './schema';

/**
 * `nx g harness:report`: grades every module from its docs, tests, coverage and findings, scores
 * the workspace's legibility, and writes docs/QUALITY_SCORE.md (between the harness markers) and
 * quality.json. Re-running on an unchanged repository changes nothing.
 */
export async function reportGenerator(tree: Tree, _schema: ReportGeneratorSchema = {}): Promise<void> {
  // exitOnError: false, so a broken project configuration becomes an error here, not process.exit.
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const report = await writeQualityReport({ tree, graph });
  const grades = report.modules.map((m) => `${m.name} ${m.grade}`).join(', ') || 'no modules';
  logger.info(`harness: ${QUALITY_MARKDOWN} and ${QUALITY_JSON}: ${grades}; workspace legibility ${report.legibility.grade} (${report.legibility.score}/100).`);
  // No formatFiles: prettier would reformat the user's text outside the markers of QUALITY_SCORE.md.
}

export default reportGenerator;
