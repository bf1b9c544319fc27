import { readDependencyScope } from './dependency-scope';
import { isSourceFile, joinRoot, readImportSites } from './import-sites';
import type { Rule, RuleContext, RuleFinding } from './types';

export const layersRule: Rule = {
  id: 'layers',
  description: 'Folder layers inside one module: a file may import only its own layer and the layers before it.',
  defaultSeverity: 'error',
  check: checkLayers,
};

/** Checks imports that stay inside the project; crossing projects is the other rules' business. */
export function checkLayers(ctx: RuleContext): RuleFinding[] {
  const layers = ctx.conventions.layers;
  if (layers.length === 0) return [];
  const sourceRoot = (ctx.project.sourceRoot ?? joinRoot(ctx.project.root, 'src')).replace(/\/$/, '');
  const { isIgnoredFile } = readDependencyScope(ctx);
  const findings: RuleFinding[] = [];
  for (const file of ctx.project.files) {
    if (!isSourceFile(file) || isIgnoredFile(file)) continue;
    const layer = findLayerIndex(layers, sourceRoot, file);
    if (layer < 0 || layer === layers.length - 1) continue;
    for (const site of readImportSites(ctx, file)) {
      const { project, file: target } = site.resolved;
      if (project !== ctx.project.name || !target) continue;
      const targetLayer = findLayerIndex(layers, sourceRoot, target);
      if (targetLayer <= layer) continue;
      const allowed = layers.slice(0, layer + 1);
      findings.push({
        title: 'Layer order violation',
        file,
        line: site.line,
        column: site.column,
        found: site.specifier,
        expected: `${layers[layer]} may import only ${allowed.join(', ')}`,
        fix:
          `Import only from ${allowed.join(', ')}: move the code this file needs from ${layers[targetLayer]} down ` +
          `into one of those layers, or invert the dependency through an interface in an earlier layer`,
        reference: `${ctx.conventionsFile}#layers`,
      });
    }
  }
  return findings;
}

/** The index of the layer folder a file sits in (`<sourceRoot>/<layer>/…`), or -1 outside every layer. */
export function findLayerIndex(layers: readonly string[], sourceRoot: string, file: string): number {
  const prefix = sourceRoot === '' || sourceRoot === '.' ? '' : `${sourceRoot}/`;
  if (!file.startsWith(prefix)) return -1;
  const rest = file.slice(prefix.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? -1 : layers.indexOf(rest.slice(0, slash));
}
