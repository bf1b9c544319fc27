import { describeLayerOrder } from './describe-layer-order';

describe('describeLayerOrder', () => {
  it('keeps the sentence of a flat order', () => {
    expect(describeLayerOrder(['types', 'service', 'ui'])).toBe(
      'Inside a module, folders under `src/` form layers in this order: `types` → `service` → `ui`. A file may import only its own layer or earlier ones.',
    );
  });

  it('writes a peer group in braces and says what it means', () => {
    expect(describeLayerOrder(['core', ['rules', 'report'], 'check'])).toBe(
      'Inside a module, folders under `src/` form layers in this order: `core` → {`rules`, `report`} → `check`. ' +
        'A file may import only its own layer or earlier ones; the folders in braces are peers and never import each other.',
    );
  });
});
