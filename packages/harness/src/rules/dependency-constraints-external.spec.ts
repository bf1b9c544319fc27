import type { DepConstraint } from '../core/dep-constraint';
import { createTestRuleContext } from '../testing/create-test-context';
import { INVOICE, createCheck, importing, runRule } from '../testing/dependency-constraints-fixture';
import { checkDependencyConstraints } from './dependency-constraints';

describe('dependency-constraints rule', () => {
  describe('external imports', () => {
    const banLodash = (pattern: string): DepConstraint[] => [
      { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['*'], bannedExternalImports: [pattern] },
    ];

    it('reports a banned external import with the exact message', () => {
      const constraints = [{ ...banLodash('lodash')[0], explanation: 'Use the shared money helpers' }];
      expect(runRule({ files: importing('lodash'), constraints })).toEqual([
        {
          kind: 'dependency-constraints/banned-external-import',
          title: 'Banned external import',
          file: INVOICE,
          line: 1,
          column: 19,
          found: 'lodash',
          expected: 'scope:billing must not import lodash',
          fix: 'Remove this import of lodash, or move the code that needs it into a project whose constraints allow it. Why: Use the shared money helpers',
          reference: 'ARCHITECTURE.md#dependency-rules',
        },
      ]);
    });

    it('matches the glob against the whole specifier, as Nx does', () => {
      expect(runRule({ files: importing('lodash/fp'), constraints: banLodash('lodash') })).toEqual([]);
      expect(runRule({ files: importing('lodash/fp'), constraints: banLodash('lodash*') })).toHaveLength(1);
      expect(runRule({ files: importing('react'), constraints: banLodash('lodash*') })).toEqual([]);
    });

    it('reports an import outside allowedExternalImports with the exact message', () => {
      const constraints = [{ sourceTag: 'scope:billing', allowedExternalImports: ['react*'] }];
      expect(runRule({ files: importing('react/jsx-runtime'), constraints })).toEqual([]);
      expect(runRule({ files: importing('lodash'), constraints })).toEqual([
        {
          kind: 'dependency-constraints/banned-external-import',
          title: 'Banned external import',
          file: INVOICE,
          line: 1,
          column: 19,
          found: 'lodash',
          expected: 'scope:billing may import only these external packages: react*',
          fix: 'Remove this import of lodash, or add it to allowedExternalImports of this constraint in harness.yaml if scope:billing should use it',
          reference: 'ARCHITECTURE.md#dependency-rules',
        },
      ]);
    });

    it('bans every external package with an empty allow-list', () => {
      const constraints = [{ sourceTag: 'scope:billing', allowedExternalImports: [] }];
      const [finding] = runRule({ files: importing('react'), constraints });
      expect(finding.expected).toBe('scope:billing may import no external packages');
    });

    it('leaves imports that are not npm nodes of the graph alone (node built-ins)', () => {
      const constraints = [{ sourceTag: 'scope:billing', allowedExternalImports: [] }];
      expect(runRule({ files: importing('node:fs'), constraints })).toEqual([]);
    });

    it('does not parse a file whose packages no pattern can reach', () => {
      const check = createCheck({ files: importing('react'), constraints: banLodash('lodash') });
      const readSource = jest.fn(check.readSource);
      checkDependencyConstraints({ ...createTestRuleContext(check, 'billing'), readSource });
      expect(readSource).not.toHaveBeenCalled();
    });
  });
});
