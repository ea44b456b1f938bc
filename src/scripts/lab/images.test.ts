import { describe, expect, it } from 'vitest';
import { layerShares, type LayerView } from './images.ts';

const layer = (size: number): LayerView => ({ createdBy: `layer of ${size} bytes`, size });

describe('layerShares', () => {
  const rows: Array<[string, LayerView[], number[]]> = [
    ['no layers', [], []],
    ['all empty', [layer(0), layer(0)], [0, 0]],
    ['one layer', [layer(512)], [100]],
    ['equal layers', [layer(10), layer(10), layer(10), layer(10)], [25, 25, 25, 25]],
    ['empty layer keeps its place', [layer(300), layer(0), layer(100)], [75, 0, 25]],
    ['tiny beside huge', [layer(1), layer(999)], [0.1, 99.9]],
  ];
  it.each(rows)('%s', (_name, layers, expected) => {
    const shares = layerShares(layers);
    expect(shares).toHaveLength(expected.length);
    shares.forEach((share, index) => expect(share).toBeCloseTo(expected[index] ?? Number.NaN, 9));
  });
});
