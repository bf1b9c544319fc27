import { makeFinding } from '../report/__fixtures__/make-finding';
import { describeFindings } from './describe-findings';

describe('describeFindings', () => {
  it('gives check_files each finding with its kind, data and fixable, in the json report shape', () => {
    const rename = makeFinding();
    const cycle = makeFinding({ rule: 'circular', kind: 'circular/project-cycle', data: undefined });
    const [first, second] = describeFindings([rename, cycle]);
    expect(first).toEqual({ ...rename, fixable: true });
    expect(first.data).toEqual({ rename: { from: 'processInvoice', to: 'process_invoice' } });
    expect(second).toEqual({ ...cycle, fixable: false });
    expect('data' in second).toBe(false);
  });
});
