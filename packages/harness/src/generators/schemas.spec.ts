import * as fs from 'node:fs';
import * as path from 'node:path';

const GENERATORS = fs.readdirSync(__dirname).filter((name) => fs.existsSync(path.join(__dirname, name, 'schema.json')));

/** The generator's own code: generator.ts and lib/, without specs and the schema's type file. */
function readGeneratorCode(name: string): string {
  const folder = path.join(__dirname, name);
  const lib = path.join(folder, 'lib');
  const files = [path.join(folder, 'generator.ts'), ...(fs.existsSync(lib) ? fs.readdirSync(lib).map((f) => path.join(lib, f)) : [])];
  return files.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

describe('generator schemas', () => {
  it('finds every generator', () => {
    expect(GENERATORS.sort()).toEqual(['adopt', 'agents', 'init', 'module', 'preset', 'report', 'sync']);
  });

  // An option the schema accepts and the generator never reads is a promise nothing keeps
  // (skipFormat was one: no generator formats files, see ARCHITECTURE.md).
  it.each(GENERATORS)('%s reads every option its schema.json accepts, and schema.d.ts declares each', (name) => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, name, 'schema.json'), 'utf8')) as { properties?: Record<string, unknown> };
    const options = Object.keys(schema.properties ?? {});
    const code = readGeneratorCode(name);
    // Read as `options.name` or destructured as `{ name }`; passing `name: true` on to another generator is no read.
    expect(options.filter((option) => !new RegExp(`\\.${option}\\b|[{,]\\s*${option}\\s*[,}=]`).test(code))).toEqual([]);
    const types = fs.readFileSync(path.join(__dirname, name, 'schema.d.ts'), 'utf8');
    expect(options.filter((option) => !new RegExp(`\\b${option}\\??:`).test(types))).toEqual([]);
  });
});
