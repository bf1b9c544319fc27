import type { Tree } from '@nx/devkit';
import { writeBrief } from '../../docs/write-root-docs';
import { adoptProject } from './lib/adopt-project';
import { normalizeOptions } from './lib/normalize-options';
import type { AdoptGeneratorSchema } from './schema';

/**
 * `nx g harness:adopt`: gives existing projects a README.md and CONVENTIONS.md drawn from what
 * they already are. Existing documents keep every byte; only missing sections are appended.
 */
export async function adoptGenerator(tree: Tree, schema: AdoptGeneratorSchema): Promise<void> {
  const options = normalizeOptions(tree, schema);
  for (const project of options.selected) adoptProject(tree, project, options.workspace);
  // The module map quotes each README's purpose; a workspace without BRIEF.md has not run init yet.
  if (tree.exists('BRIEF.md')) writeBrief(tree);
  // No formatFiles: prettier would reflow the text of READMEs that already existed.
}

export default adoptGenerator;
