import { getProjects, type ProjectConfiguration, type Tree } from '@nx/devkit';
import type { AdoptGeneratorSchema } from '../schema';
import type { WorkspaceFacts } from './describe-project';
import { readWorkspaceAliases } from './read-workspace-aliases';
import { readWorkspaceSettings } from './read-workspace-settings';

/** A project adopt will write documents for. */
export interface SelectedProject {
  name: string;
  config: ProjectConfiguration;
}

export interface NormalizedSchema extends AdoptGeneratorSchema {
  selected: SelectedProject[];
  workspace: WorkspaceFacts;
}

const isRootProject = (config: ProjectConfiguration) => config.root === '' || config.root === '.';

/** Picks the projects (all but the workspace root, or those named) and reads what every project description needs. */
export function normalizeOptions(tree: Tree, schema: AdoptGeneratorSchema): NormalizedSchema {
  const all = [...getProjects(tree).entries()].map(([name, config]) => ({ name, config }));
  const inside = all.filter((p) => !isRootProject(p.config));
  const requested = (schema.projects ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  for (const name of requested) {
    const found = all.find((p) => p.name === name);
    if (!found) {
      const known = inside.slice(0, 5).map((p) => p.name).join(',');
      throw new Error(`harness: there is no project "${name}"; pass names that \`nx show projects\` lists${known ? `, e.g. --projects=${known}` : ''}.`);
    }
    if (isRootProject(found.config)) {
      throw new Error(`harness: "${name}" is the workspace root project, which the root documents describe; leave it out of --projects.`);
    }
  }
  const selected = requested.length ? inside.filter((p) => requested.includes(p.name)) : inside;
  const projects = inside.map((p) => ({ name: p.name, root: p.config.root }));
  return {
    ...schema,
    selected: selected.sort((a, b) => a.config.root.localeCompare(b.config.root)),
    workspace: { projects, aliases: readWorkspaceAliases(tree, projects), settings: readWorkspaceSettings(tree) },
  };
}
