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

// A report written with --output-file is restored on a cache hit; without the option Nx ignores it.
// Nx keeps a CLI flag as typed, so both spellings of the option are declared.
const REPORT_OUTPUTS = ['{options.outputFile}', '{options.output-file}'];

/**
 * The inferred `harness-check` target of a module. Its inputs are everything a finding can depend
 * on, so a cached result is never stale: the project's own files, the workspace rules, the root
 * AGENTS.md (its chain budget) and ARCHITECTURE.md (anchors), and the project.json/package.json
 * (tags) of every project it depends on. BRIEF.md is not one: the workspace check judges it.
 */
export function createHarnessTarget(executor: string, options: HarnessPluginOptions): TargetConfiguration {
  const target: TargetConfiguration = {
    executor,
    cache: true,
    inputs: [
      '{projectRoot}/**/*',
      '{workspaceRoot}/harness.yaml',
      '{workspaceRoot}/harness-baseline.json',
      '{workspaceRoot}/AGENTS.md',
      '{workspaceRoot}/package.json',
      '{workspaceRoot}/ARCHITECTURE.md',
      '{workspaceRoot}/tsconfig.base.json',
      // One fileset for both tag files: Nx walks the dependency closure once per fileset, which
      // at 1,000 projects was about 0.3 s of task hashing per extra fileset.
      { fileset: '{projectRoot}/{project.json,package.json}', dependencies: true },
    ],
    outputs: REPORT_OUTPUTS,
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

/**
 * The workspace check's target, on the root project. Its inputs are only what it judges: the
 * workspace docs and rules, docs/, the root package.json (scripts AGENTS.md names) and nx.json
 * (the plugins that infer the targets it names), every project.json and package.json (the module
 * map lists every project), and every README.md (the map links each module's). Not the root
 * project's own files, which are every file no other project owns.
 */
export function createWorkspaceTarget(executor: string): TargetConfiguration {
  return {
    executor,
    cache: true,
    inputs: [
      '{workspaceRoot}/BRIEF.md',
      '{workspaceRoot}/AGENTS.md',
      '{workspaceRoot}/ARCHITECTURE.md',
      '{workspaceRoot}/CONVENTIONS.md',
      '{workspaceRoot}/harness.yaml',
      '{workspaceRoot}/harness-baseline.json',
      '{workspaceRoot}/nx.json',
      '{workspaceRoot}/docs/**/*',
      '{workspaceRoot}/**/{project.json,package.json}',
      '{workspaceRoot}/**/README.md',
    ],
    outputs: REPORT_OUTPUTS,
    options: {},
    metadata: {
      technologies: ['harness'],
      description: 'Checks the workspace docs (BRIEF.md, AGENTS.md, ARCHITECTURE.md, docs/) against harness.yaml and the project graph',
      help: { command: 'nx run <project>:harness-check --help', example: { options: { format: 'json' } } },
    },
  };
}
