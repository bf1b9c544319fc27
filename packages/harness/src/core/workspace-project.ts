/** The name of the workspace project when neither a root project.json nor package.json names it. */
export const DEFAULT_WORKSPACE_PROJECT = 'workspace';

/**
 * The name Nx gives the root project, which carries the workspace check: a root project.json's
 * `name`, else the root package.json's `nx.name` or `name` (as Nx names a package.json project),
 * else the default. Takes the files' text, so the plugin (disk) and generators (tree) agree.
 */
export function nameWorkspaceProject(packageJson: string | undefined, projectJson?: string): string {
  return readName(projectJson) ?? readName(packageJson, true) ?? DEFAULT_WORKSPACE_PROJECT;
}

function readName(text: string | undefined, nested = false): string | undefined {
  try {
    const json = JSON.parse(text ?? '') as { name?: unknown; nx?: { name?: unknown } };
    const name = (nested ? json.nx?.name : undefined) ?? json.name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
