/**
 * The theme's colours, read from the --vscode-* variables VS Code sets on <html>, turned into
 * concrete colours for canvas drawing (chart.js and the heatmaps cannot use var()).
 * Only theme variables are used: no colour of our own, so light, dark and high-contrast
 * themes all read well.
 */

export type Rgba = [number, number, number, number];

export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast';
  fontFamily: string;
  fontSize: number;
  foreground: string;
  description: string;
  background: string;
  border: string;
  /**
   * Lines between heatmap cells: a widget border, stronger than the panel's, so a cell near 0
   * (the background's colour) still shows its edges in light, dark and high-contrast themes.
   */
  cellBorder: string;
  grid: string;
  focus: string;
  /** Negative end of the diverging scale. */
  negative: Rgba;
  /** Centre (0) of the diverging scale: the editor's background. */
  zero: Rgba;
  /** Positive end of the diverging scale. */
  positive: Rgba;
  /** Series colours for runs, in order. */
  series: string[];
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  if (v) return v;
  const b = document.body ? getComputedStyle(document.body).getPropertyValue(name).trim() : '';
  return b || fallback;
}

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour (#rgb, #rrggbbaa, rgb(), named…) → [r, g, b, a], via the canvas's own parser. */
export function parseColor(text: string, fallback: Rgba = [128, 128, 128, 1]): Rgba {
  if (!probe) {
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    probe = c.getContext('2d', { willReadFrequently: true });
  }
  if (!probe) return fallback;
  const sentinel = '#010203';
  probe.fillStyle = sentinel;
  probe.fillStyle = text; // an invalid colour leaves the sentinel in place
  if (probe.fillStyle === sentinel && text.trim().toLowerCase() !== sentinel) return fallback;
  probe.clearRect(0, 0, 1, 1);
  probe.fillRect(0, 0, 1, 1);
  const d = probe.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2], d[3] / 255];
}

export function rgbaString([r, g, b, a]: Rgba): string {
  return a >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a.toFixed(3)})`;
}

/** A colour composited over an opaque background (theme colours may be translucent). */
export function over(fg: Rgba, bg: Rgba): Rgba {
  const a = fg[3];
  return [
    Math.round(fg[0] * a + bg[0] * (1 - a)),
    Math.round(fg[1] * a + bg[1] * (1 - a)),
    Math.round(fg[2] * a + bg[2] * (1 - a)),
    1,
  ];
}

export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  const u = Math.max(0, Math.min(1, t));
  return [
    Math.round(a[0] + (b[0] - a[0]) * u),
    Math.round(a[1] + (b[1] - a[1]) * u),
    Math.round(a[2] + (b[2] - a[2]) * u),
    1,
  ];
}

/**
 * The diverging scale: v / maxAbs in [−1, 1] → negative … background … positive. A square-root
 * ramp keeps small weights visible next to a few large ones.
 */
export function divergingColor(theme: Theme, v: number, maxAbs: number): Rgba {
  if (!Number.isFinite(v)) return theme.positive;
  if (maxAbs <= 0) return theme.zero;
  const t = Math.sqrt(Math.min(1, Math.abs(v) / maxAbs));
  return mix(theme.zero, v < 0 ? theme.negative : theme.positive, t);
}

export function readTheme(): Theme {
  const cls = document.body?.classList;
  const kind: Theme['kind'] = cls?.contains('vscode-high-contrast') || cls?.contains('vscode-high-contrast-light')
    ? 'high-contrast'
    : cls?.contains('vscode-light')
      ? 'light'
      : 'dark';
  const bgText = cssVar('--vscode-editor-background', kind === 'light' ? '#ffffff' : '#1e1e1e');
  const zero = over(parseColor(bgText), [128, 128, 128, 1]);
  const foreground = cssVar('--vscode-foreground', kind === 'light' ? '#3b3b3b' : '#cccccc');
  const fontSize = parseFloat(cssVar('--vscode-font-size', '13px')) || 13;
  const red = cssVar('--vscode-charts-red', '#f14c4c');
  const blue = cssVar('--vscode-charts-blue', '#3794ff');
  return {
    kind,
    fontFamily: cssVar('--vscode-font-family', 'sans-serif'),
    fontSize,
    foreground,
    description: cssVar('--vscode-descriptionForeground', foreground),
    background: bgText,
    border: cssVar('--vscode-panel-border', cssVar('--vscode-widget-border', '#80808059')),
    cellBorder: cssVar('--vscode-editorWidget-border', cssVar('--vscode-contrastBorder', cssVar('--vscode-panel-border', '#80808080'))),
    grid: cssVar('--vscode-charts-lines', '#80808059'),
    focus: cssVar('--vscode-focusBorder', '#0078d4'),
    negative: over(parseColor(blue), zero),
    zero,
    positive: over(parseColor(red), zero),
    series: [
      blue,
      cssVar('--vscode-charts-orange', '#d18616'),
      cssVar('--vscode-charts-green', '#89d185'),
      cssVar('--vscode-charts-purple', '#b180d7'),
      cssVar('--vscode-charts-yellow', '#cca700'),
      red,
    ],
  };
}

/** Calls `cb` when VS Code switches theme (it rewrites <html>'s style and <body>'s class). */
export function onThemeChange(cb: () => void): void {
  let pending = false;
  const fire = (): void => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      cb();
    });
  };
  const mo = new MutationObserver(fire);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  if (document.body) mo.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
}
