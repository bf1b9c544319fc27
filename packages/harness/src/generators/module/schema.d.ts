export interface ModuleGeneratorSchema {
  name: string;
  description?: string;
  directory?: string;
  scope?: string;
  type?: 'feature' | 'data-access' | 'ui' | 'util' | 'domain';
  tags?: string;
  naming?: 'camelCase' | 'snake_case';
  coverage?: number;
  importPath?: string;
  force?: boolean;
}
