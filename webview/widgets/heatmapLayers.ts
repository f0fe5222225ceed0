/** The parameters of a run as the heatmaps show them: W[1], b[1], W[2], b[2] with the lesson's labels. */
import type { DatasetSummary, ParamsSnapshot } from '../../src/shared/runTypes';
import type { LayerSpec, ParamKey } from './heatmap';

/** The lesson's labels for W[1], b[1], W[2], b[2] of a run. */
export function layersFor(p: ParamsSnapshot, d: DatasetSummary | undefined, edited?: Partial<Record<ParamKey, ReadonlySet<string>>>): [LayerSpec, LayerSpec] {
  const nh = p.W1.length;
  const nx = p.W1[0]?.length ?? 0;
  const ny = p.W2.length;
  const hidden = Array.from({ length: nh }, (_, i) => `h${i + 1}`);
  const features = Array.from({ length: nx }, (_, i) => d?.featureNames[i] ?? `x${i + 1}`);
  let outputs: string[];
  let outMeaning: string;
  if (d && d.output === 'sigmoid' && ny === 1) {
    outputs = [`ŷ (${d.classes[1] ?? '1'})`];
    outMeaning = 'output unit × hidden units';
  } else if (d && ny === d.classes.length) {
    outputs = d.classes.slice();
    outMeaning = 'classes × hidden units';
  } else {
    outputs = Array.from({ length: ny }, (_, i) => (ny === 1 ? 'ŷ' : `y${i + 1}`));
    outMeaning = ny === 1 ? 'output unit × hidden units' : 'outputs × hidden units';
  }
  return [
    {
      w: { key: 'W1', ...(edited?.W1 ? { edited: edited.W1 } : {}), name: 'W[1]', values: p.W1, rowLabels: hidden, colLabels: features, meaning: 'hidden units × features' },
      b: { key: 'b1', ...(edited?.b1 ? { edited: edited.b1 } : {}), name: 'b[1]', values: p.b1, rowLabels: hidden, colLabels: ['b'], meaning: '' },
    },
    {
      w: { key: 'W2', ...(edited?.W2 ? { edited: edited.W2 } : {}), name: 'W[2]', values: p.W2, rowLabels: outputs, colLabels: hidden, meaning: outMeaning },
      b: { key: 'b2', ...(edited?.b2 ? { edited: edited.b2 } : {}), name: 'b[2]', values: p.b2, rowLabels: outputs, colLabels: ['b'], meaning: '' },
    },
  ];
}
