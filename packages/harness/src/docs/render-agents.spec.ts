import { listCommands, parseMarkdown } from '../core/markdown';
import { readMarkedBlock } from './markers';
import { renderClaudeMd, renderCommandsSection, renderModuleAgents, renderModuleAgentsBlock, type ModuleAgentsInput } from './render-agents';

const BILLING: ModuleAgentsInput = {
  name: 'billing',
  root: 'modules/billing',
  tags: ['scope:billing', 'type:feature'],
  importPath: '@acme/billing',
  naming: 'snake_case',
};

describe('renderModuleAgents', () => {
  it('writes a short module AGENTS.md with the generated part between the harness markers', () => {
    expect(renderModuleAgents(BILLING)).toBe(
      [
        '# billing: agent notes',
        '',
        'Read after the root AGENTS.md; only what differs in `modules/billing`.',
        '',
        '<!-- harness:start -->',
        '- Tags: `scope:billing`, `type:feature`; the constraints in `harness.yaml` for these tags decide what this module may import.',
        '- Entry point: `src/index.ts`. Other modules import `@acme/billing` and nothing deeper.',
        '- Naming here: functions and variables snake_case, classes and types PascalCase, constants UPPER_CASE, files kebab-case.',
        '- Read [README.md](README.md) for its purpose and public API, then [CONVENTIONS.md](CONVENTIONS.md) for the rules checked here.',
        '<!-- harness:end -->',
        '',
      ].join('\n'),
    );
  });

  it('keeps the marked part equal to the block, so sync can refresh it alone', () => {
    expect(readMarkedBlock(renderModuleAgents(BILLING))).toBe(renderModuleAgentsBlock(BILLING));
  });

  it('names the module targets from the graph, harness-check and test first, without internal ones', () => {
    const block = renderModuleAgentsBlock({ ...BILLING, targets: ['lint', 'test', 'build-deps', 'harness-check', 'test'] });
    expect(block.split('\n').pop()).toBe('- Run: `npx nx run billing:harness-check`, `npx nx run billing:test`, `npx nx run billing:lint`.');
  });

  it('describes a front-matter naming map, a custom entry point and no tags', () => {
    const block = renderModuleAgentsBlock({ ...BILLING, tags: [], entryPoint: 'src/main.ts', naming: { functions: 'camelCase', files: 'kebab-case' } });
    expect(block).toContain('- Tags: none;');
    expect(block).toContain('- Entry point: `src/main.ts`.');
    expect(block).toContain('- Naming here: functions camelCase, files kebab-case.');
  });

  it('falls back to the workspace for an empty naming map', () => {
    expect(renderModuleAgentsBlock({ ...BILLING, naming: {} })).toContain('- Naming here: as in the workspace `harness.yaml`.');
  });
});

describe('renderClaudeMd', () => {
  it('imports AGENTS.md and says why in one line', () => {
    const lines = renderClaudeMd().split('\n');
    expect(lines[0]).toBe('@AGENTS.md');
    expect(lines.filter(Boolean)).toHaveLength(2);
  });
});

describe('renderCommandsSection', () => {
  const TARGETS = { shared: ['build', 'harness-check', 'nx-release-publish'], billing: ['test', 'harness-check', 'e2e-ci--a.spec.ts'] };

  it('lists each target of the graph with the projects that have it', () => {
    expect(renderCommandsSection(TARGETS)).toBe(
      [
        '## Commands',
        '',
        'Generated from the project graph by `nx sync`; every target named here exists.',
        '',
        '- `npx nx run-many -t harness-check` (billing, shared): the rules; each finding says how to fix it.',
        '- `npx nx run-many -t test` (billing): unit tests.',
        '- `npx nx run-many -t build` (shared): build.',
        '- One project: `npx nx run billing:harness-check`; any project and target above combine the same way.',
        '- Only what changed: `npx nx affected -t harness-check`.',
        '- After editing files: `npx harness check <files>` runs every rule on just those files, without an Nx run; each finding says how to fix it.',
        '- `npx nx g harness:module <name>`: add a module with docs, tests and boundary tags.',
      ].join('\n'),
    );
  });

  it('names only targets and projects that exist', () => {
    const commands = listCommands(parseMarkdown(renderCommandsSection(TARGETS)));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      if (command.kind === 'nx-target') expect(TARGETS[command.project as keyof typeof TARGETS]).toContain(command.target);
      if (command.kind === 'nx-run-many') for (const t of command.targets) expect(Object.values(TARGETS).flat()).toContain(t);
    }
  });

  it('shortens long lists of targets and projects', () => {
    const targets = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((p) => [p, Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`)]));
    const section = renderCommandsSection(targets);
    expect(section).toContain('- `npx nx run-many -t t00` (a, b, c, d and 2 more).');
    expect(section).toContain('- 2 more targets: `npx nx show projects --json` and `npx nx show project <name>` list them.');
    expect(section).not.toContain('t10');
  });

  it('names the workspace check of the root project, when there is one', () => {
    const line = '- The workspace docs (AGENTS.md, BRIEF.md, ARCHITECTURE.md, docs/) and harness.yaml: `npx nx run @acme/source:harness-check`.';
    expect(renderCommandsSection(TARGETS, '@acme/source').split('\n')).toContain(line);
    expect(renderCommandsSection({}, '@acme/source').split('\n')).toContain(line);
    const [command] = listCommands(parseMarkdown(line));
    expect(command).toMatchObject({ kind: 'nx-target', project: '@acme/source', target: 'harness-check' });
  });

  it('says what to do when no project has a target', () => {
    expect(renderCommandsSection({})).toBe('## Commands\n\nNo project has a target yet. Add a module with `npx nx g harness:module <name>`.');
  });
});
