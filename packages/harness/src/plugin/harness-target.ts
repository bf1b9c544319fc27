import type { TargetConfiguration } from '@nx/devkit';

export interface HarnessPluginOptions {
  /** Name of the inferred target. */
  targetName?: string;
  /**
   * Run the project's `test` target first, so the coverage rule always reads a fresh report.
   * Off by default: it makes every check pay for the tests.
   */
  dependsOnTest?: boolean;
  /** Name of the test target that writes coverage, when `dependsOnTest` is on. */
  testTargetName?: string;
}

/**
 * The inferred `harness-check` target. Its inputs are everything a finding can depend on, so a
 * cached result is never stale: the project's own files, the workspace rules, the module map,
 * and the project.json/package.json (tags) of every project it depends on.
 */
export function createHarnessTarget(executor: string, options: HarnessPluginOptions): TargetConfiguration {
  const target: TargetConfiguration = {
    executor,
    cache: true,
    inputs: [
      '{projectRoot}/**/*',
      '{workspaceRoot}/harness.yaml',
      '{workspaceRoot}/harness-baseline.json',
      '{workspaceRoot}/BRIEF.md',
      '{workspaceRoot}/AGENTS.md',
      '{workspaceRoot}/package.json',
      '{workspaceRoot}/ARCHITECTURE.md',
      '{workspaceRoot}/tsconfig.base.json',
      // One fileset for both tag files: Nx walks the dependency closure once per fileset, which
      // at 1,000 projects was about 0.3 s of task hashing per extra fileset.
      { fileset: '{projectRoot}/{project.json,package.json}', dependencies: true },
    ],
    // A report written with --output-file is restored on a cache hit; without the option Nx ignores it.
    // Nx keeps a CLI flag as typed, so both spellings of the option are declared.
    outputs: ['{options.outputFile}', '{options.output-file}'],
    options: {},
    metadata: {
      technologies: ['harness'],
      description: 'Checks dependency rules, naming, docs, tests and coverage against harness.yaml and CONVENTIONS.md',
      help: { command: 'nx run <project>:harness-check --help', example: { options: { format: 'json' } } },
    },
  };
  if (options.dependsOnTest) {
    target.dependsOn = [options.testTargetName ?? 'test'];
  }
  return target;
}
