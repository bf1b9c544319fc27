import type * as Yaml from 'yaml';

/**
 * The yaml library, loaded on first use rather than when a module that may parse YAML is loaded:
 * loading it costs a `harness check` about 40 ms, and a warm check (harness.yaml and CONVENTIONS.md
 * read from harness's cache, no openapi.yaml) has no YAML to parse.
 */
export function loadYaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof Yaml;
}
