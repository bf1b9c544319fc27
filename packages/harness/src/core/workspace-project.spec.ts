import { nameWorkspaceProject } from './workspace-project';

describe('nameWorkspaceProject', () => {
  it.each([
    ['a root project.json name', '{"name":"pkg"}', '{"name":"app"}', 'app'],
    ["the package.json's nx.name", '{"name":"pkg","nx":{"name":"nx-name"}}', undefined, 'nx-name'],
    ["the package.json's name", '{"name":"@acme/source"}', '{}', '@acme/source'],
    ['the default without a name', '{}', undefined, 'workspace'],
    ['the default for unreadable JSON', '{', 'not json', 'workspace'],
  ])('takes %s', (_case, packageJson, projectJson, expected) => {
    expect(nameWorkspaceProject(packageJson, projectJson)).toBe(expected);
  });
});
