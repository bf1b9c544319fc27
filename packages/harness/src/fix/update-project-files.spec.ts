import type { ProjectInfo } from '../collect/types';
import { updateProjectFiles } from './update-project-files';

const project = (name: string, root: string): ProjectInfo => ({ name, root, tags: [], files: [], importAliases: [], entryPoints: [] });

describe('updateProjectFiles', () => {
  it('moves a renamed file with its deps and adds created files to the project that holds them', () => {
    const projectFiles = {
      billing: [{ file: 'modules/billing/src/aB.ts', hash: '1', deps: ['auth'] }],
      auth: [{ file: 'modules/auth/src/index.ts', hash: '2' }],
    };
    const projects = { billing: project('billing', 'modules/billing'), auth: project('auth', 'modules/auth') };
    const updated = updateProjectFiles(projectFiles, projects, [
      { file: 'modules/billing/src/a-b.ts', kind: 'rename-file', description: '', from: 'modules/billing/src/aB.ts' },
      { file: 'modules/billing/tests/billing.spec.ts', kind: 'create-file', description: '' },
      { file: 'modules/auth/src/index.ts', kind: 'rename-identifier', description: '' },
    ]);
    expect(updated).toEqual({
      billing: [
        { file: 'modules/billing/src/a-b.ts', hash: '1', deps: ['auth'] },
        { file: 'modules/billing/tests/billing.spec.ts', hash: 'harness-fix' },
      ],
      auth: [{ file: 'modules/auth/src/index.ts', hash: '2' }],
    });
    expect(projectFiles.billing[0].file).toBe('modules/billing/src/aB.ts');
  });
});
