export interface PresetGeneratorSchema {
  module?: string;
  moduleDescription?: string;
  naming?: 'camelCase' | 'snake_case';
  formatter?: 'none' | 'prettier';
  /** create-nx-workspace forwards its own flags (name, preset, packageManager, ...); they are ignored. */
  [forwarded: string]: unknown;
}
