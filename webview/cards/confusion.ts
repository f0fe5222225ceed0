/**
 * Confusion matrices of a finished run, one table per split: rows are the actual classes,
 * columns the predicted ones, the diagonal (correct) marked, and each actual class's accuracy
 * in the last column. Class names are inserted as text.
 */
import type { ConfusionSplit, RunView } from '../../src/shared/runTypes';
import { h, integer, pct, setChildren } from '../widgets/dom';

export class ConfusionTables {
  readonly element: HTMLElement;
  private shown: RunView['confusion'];
  private classes: string[] | undefined;

  constructor() {
    this.element = h('div', { class: 'confusion' });
  }

  show(run: RunView | undefined): void {
    const c = run?.confusion;
    const classes = run?.dataset?.classes;
    if (c === this.shown && classes === this.classes) return;
    this.shown = c;
    this.classes = classes;
    if (!c) {
      setChildren(this.element, []);
      return;
    }
    const names = (n: number): string[] => Array.from({ length: n }, (_, i) => classes?.[i] ?? String(i));
    setChildren(this.element, [
      this.table('Train', c.train, names(c.train.counts.length)),
      c.test ? this.table('Test', c.test, names(c.test.counts.length)) : h('p', { class: 'hint', text: 'No test split (test fraction 0).' }),
    ]);
  }

  private table(split: string, s: ConfusionSplit, classes: string[]): HTMLElement {
    const total = s.counts.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
    const head = h('tr', {}, [
      h('th', { class: 'corner', text: 'actual ↓ predicted →', attrs: { scope: 'col', 'aria-label': 'actual class (rows), predicted class (columns)' } }),
      ...classes.map((c) => h('th', { class: 'cls', text: c, attrs: { scope: 'col', title: c } })),
      h('th', { class: 'num', text: 'accuracy', attrs: { scope: 'col' } }),
    ]);
    const rows = s.counts.map((row, i) =>
      h('tr', {}, [
        h('th', { class: 'cls', text: classes[i], attrs: { scope: 'row', title: classes[i] } }),
        ...row.map((n, j) => h('td', { class: `num${i === j ? ' diagonal' : n > 0 ? ' miss' : ''}`, text: integer(n) })),
        h('td', { class: 'num class-accuracy', text: pct(s.perClass[i]) }),
      ]),
    );
    return h('figure', { class: 'confusion-split' }, [
      h('figcaption', {}, [h('span', { class: 'split-name', text: split }), ` · ${integer(total)} examples · accuracy ${pct(s.accuracy)}`]),
      h('div', { class: 'confusion-scroll' }, [
        h('table', { class: 'confusion-table', attrs: { 'aria-label': `${split} confusion matrix: rows are actual classes, columns predicted classes` } }, [
          h('thead', {}, [head]),
          h('tbody', {}, rows),
        ]),
      ]),
    ]);
  }
}
