import { HEAP_GROWING_PERCENT, heapGrowthFlag } from './heap-growth';

describe('heapGrowthFlag', () => {
  it('limits how far the heap grows after a collection', () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--enable-source-maps'])).toBe('--heap-growing-percent=40');
  });

  it('leaves a value given on the command line as the operator set it', () => {
    expect(heapGrowthFlag(['--heap-growing-percent=80'])).toBeNull();
    expect(heapGrowthFlag(['--max-old-space-size=512', '--heap_growing_percent=80'])).toBeNull();
    expect(heapGrowthFlag(['--heap-growing_percent=0'])).toBeNull();
    expect(heapGrowthFlag(['--heap-growing-percentage=80'])).toBe('--heap-growing-percent=40');
  });
});
