import type { Layer, OptionsSchema } from '../config/types';
import { readDependencyScope } from './dependency-scope';
import { isSourceFile, joinRoot, readImportSites } from './import-sites';
import { TEST_FILE } from './project-files';
import type { Rule, RuleContext, RuleFinding } from './types';

export interface LayersOptions {
  /** Test files may import any layer of their module: a test of a low layer often needs a higher one to run it. */
  ignoreTests: boolean;
}

const DEFAULT_OPTIONS: LayersOptions = { ignoreTests: false };

const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ignoreTests: { type: 'boolean', description: 'Test files (*.spec.*, *.test.*) may import any layer of their module.' },
  },
};

export const layersRule: Rule = {
  id: 'layers',
  description: 'Folder layers inside one module: a file may import only its own layer and the layers before it.',
  defaultSeverity: 'error',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkLayers,
};

/**
 * Checks imports that stay inside the project; crossing projects is the other rules' business.
 * A file in a listed folder may import its own folder and every earlier layer; a folder of a peer
 * group may not import the other folders of its group. Folders not listed are not judged, either way.
 */
export function checkLayers(ctx: RuleContext): RuleFinding[] {
  const layers = ctx.conventions.layers;
  if (layers.length === 0) return [];
  const { ignoreTests } = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as LayersOptions;
  const sourceRoot = (ctx.project.sourceRoot ?? joinRoot(ctx.project.root, 'src')).replace(/\/$/, '');
  const { isIgnoredFile } = readDependencyScope(ctx);
  const findings: RuleFinding[] = [];
  for (const file of ctx.project.files) {
    if (!isSourceFile(file) || isIgnoredFile(file) || (ignoreTests && TEST_FILE.test(file))) continue;
    const folder = findLayerFolder(sourceRoot, file);
    const layer = findLayerIndex(layers, sourceRoot, file);
    // Nothing sits above a lone top folder; a top peer group can still import across itself.
    if (layer < 0 || (layer === layers.length - 1 && !Array.isArray(layers[layer]))) continue;
    for (const site of readImportSites(ctx, file)) {
      const { project, file: target } = site.resolved;
      if (project !== ctx.project.name || !target) continue;
      const targetFolder = findLayerFolder(sourceRoot, target);
      if (targetFolder === folder || findLayerIndex(layers, sourceRoot, target) < layer) continue;
      findings.push(createLayerFinding(ctx, file, site, { layers, layer, folder: folder!, targetFolder: targetFolder! }));
    }
  }
  return findings;
}

interface LayerBreach {
  layers: readonly Layer[];
  /** The importing file's layer index and folder. */
  layer: number;
  folder: string;
  /** The folder imported, in the same layer (a peer) or a later one. */
  targetFolder: string;
}

function createLayerFinding(
  ctx: RuleContext,
  file: string,
  site: { line: number; column: number; specifier: string },
  breach: LayerBreach,
): RuleFinding {
  const { layers, layer, folder, targetFolder } = breach;
  const allowed = [...layers.slice(0, layer).flat(), folder].join(', ');
  const isPeer = listLayerFolders(layers[layer]).includes(targetFolder);
  const why = isPeer ? `${folder} and ${targetFolder} are peers in one layer and never import each other; ` : '';
  return {
    kind: isPeer ? 'layers/peer-import' : 'layers/upward-import',
    title: 'Layer order violation',
    file,
    line: site.line,
    column: site.column,
    found: site.specifier,
    expected: `${folder} may import only ${allowed}`,
    fix:
      `Import only from ${allowed}: ${why}move the code this file needs from ${targetFolder} down ` +
      `into one of those layers, or invert the dependency through an interface in an earlier layer`,
    reference: `${ctx.conventionsFile}#layers`,
  };
}

/** The folders of one layer: itself, or the members of a peer group. */
export function listLayerFolders(layer: Layer): string[] {
  return Array.isArray(layer) ? layer : [layer];
}

/** The first folder under the source root a file sits in (`<sourceRoot>/<folder>/…`), if any. */
function findLayerFolder(sourceRoot: string, file: string): string | undefined {
  const prefix = sourceRoot === '' || sourceRoot === '.' ? '' : `${sourceRoot}/`;
  if (!file.startsWith(prefix)) return undefined;
  const rest = file.slice(prefix.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : rest.slice(0, slash);
}

/** The index of the layer whose folder (or peer group) a file sits in, or -1 outside every layer. */
export function findLayerIndex(layers: readonly Layer[], sourceRoot: string, file: string): number {
  const folder = findLayerFolder(sourceRoot, file);
  return folder === undefined ? -1 : layers.findIndex((layer) => listLayerFolders(layer).includes(folder));
}
