/**
 * What the activation hover says, built from the engine's ACTIVATIONS table (the single source of
 * formulas): pure functions, no `vscode` and no DOM, so the editor's hover, the panel's activation
 * control (plain text) and the tests all share them.
 *
 *   activationHoverMarkdown(name, options)  the hover's markdown (formulas, range, the lesson's
 *                                           table of g' at z = −10, 0, 10, saturation / dying, plot,
 *                                           command links)
 *   activationHoverText(name, options)      the same facts as plain text (a tooltip, a title)
 *   derivativeTable(name, alpha)            g'(z) at z = −10, 0, 10, from the table's dg
 *   activationPlotSvg(name, alpha)          g and g' over z ∈ [−6, 6] as an SVG document
 *   svgDataUri(svg)                         data:image/svg+xml;base64,… (hovers render data: images,
 *                                           not inline <svg>)
 */
import { ACTIVATIONS, DEFAULT_LEAKY_ALPHA, type ActivationInfo } from '../engine/activations';
import type { ActivationName } from '../engine/types';

export interface ActivationHoverOptions {
  /** The word named the derivative g' (sigmoid_derivative, d_relu): show g' first. */
  isDerivative?: boolean;
  /** Leaky ReLU's α in use; the engine's default (0.01) when absent. */
  alpha?: number;
  /** Where α came from, said after it: "argument" (nn.LeakyReLU(0.2)) or "library default". */
  alphaSource?: 'argument' | 'library default';
  /** The text that was matched ("nn.LeakyReLU"), named when α was read from it. */
  matchedText?: string;
  /** Add the plot (default true). */
  plot?: boolean;
  /** Add the command links (default true). */
  commands?: boolean;
}

/** The only commands the hover's markdown may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS = ['shallowNet.trainOnCsv', 'shallowNet.openPanel'] as const;

/** The lesson's table: g'(z) at these z. */
export const TABLE_Z: readonly number[] = [-10, 0, 10];

/** Activations with a kink at z = 0, where g'(0) is a convention, not a value. */
const KINKED: ReadonlySet<ActivationName> = new Set<ActivationName>(['relu', 'leaky-relu']);

export interface DerivativeRow {
  z: number;
  /** g'(z) as the engine computes it. */
  dg: number;
}

function alphaOf(name: ActivationName, alpha: number | undefined): number {
  return name === 'leaky-relu' && alpha !== undefined ? alpha : DEFAULT_LEAKY_ALPHA;
}

/** g'(z) at z = −10, 0, 10 from the engine's table (its convention at a kink included). */
export function derivativeTable(name: ActivationName, alpha?: number): DerivativeRow[] {
  const info = ACTIVATIONS[name];
  const a = alphaOf(name, alpha);
  return TABLE_Z.map((z) => ({ z, dg: info.dg(z, a) }));
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** A value for people: "0.25", "1", "4.54 × 10⁻⁵", "−1" (Unicode minus). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return sign + String(Number(a.toPrecision(4)));
  const [mantissa, exponent] = a.toExponential(2).split('e');
  const m = String(Number(mantissa));
  const e = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${sign}${m} × 10${e}`;
}

/** z for a table heading: "−10". */
const formatZ = (z: number): string => (z < 0 ? `−${-z}` : String(z));

/**
 * Characters markdown would read as syntax anywhere in a line, escaped. (Our texts never start a
 * line with `#`, `-`, `+` or `1.`, so those stay as they are and the text stays readable.)
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Inline code, safe for any text (formulas hold no backquote, but be sure). */
const code = (s: string): string => '`' + s.replace(/`/g, 'ˋ') + '`';

/** The formula of g; Leaky ReLU's without its default α (the α in use is said next to it). */
function formulaOf(info: ActivationInfo): string {
  if (info.name !== 'leaky-relu') return info.formula;
  return 'g(z) = max(αz, z) = z for z > 0, αz for z ≤ 0';
}

/** Where Leaky ReLU's α came from: "from `nn.LeakyReLU(…)`", "the default of …", "the engine's default". */
function alphaOrigin(o: ActivationHoverOptions, markdown: boolean): string {
  const named = (s: string): string => (markdown ? code(s) : s);
  if (o.alpha === undefined) return "the engine's default; PyTorch's too, Keras' LeakyReLU layer uses 0.3, tf.nn.leaky_relu 0.2";
  if (o.alphaSource === 'library default') return o.matchedText ? `the default of ${named(o.matchedText)}` : "the library's default";
  return o.matchedText ? `from ${named(o.matchedText + '(…)')}` : 'from the call';
}

/** "α = 0.2 (from `nn.LeakyReLU(…)`): g'(z) = 1 for z > 0 and 0.2 for z < 0." */
function alphaSentence(name: ActivationName, o: ActivationHoverOptions, markdown: boolean): string | undefined {
  if (name !== 'leaky-relu') return undefined;
  const value = formatValue(alphaOf(name, o.alpha));
  return `α = ${value} (${alphaOrigin(o, markdown)}): g'(z) = 1 for z > 0 and ${value} for z < 0.`;
}

/** The name of g' in the heading: "σ'", "tanh'", "ReLU'", "Leaky ReLU'". */
function primeName(info: ActivationInfo): string {
  return info.name === 'sigmoid' ? "σ'" : `${info.label}'`;
}

/** g' as the values line names it: σ', tanh', ReLU', g' (Leaky ReLU's formula says g'). */
function valuesPrime(info: ActivationInfo): string {
  return info.name === 'leaky-relu' ? "g'" : primeName(info);
}

/**
 * The lesson's table on one line: "tanh'(−10) = 8.24 × 10⁻⁹ · tanh'(0) = 1 · tanh'(10) = 8.24 × 10⁻⁹",
 * with the convention at a kink: "ReLU'(0) = 0* … (*ReLU'(0) is undefined; the engine uses 0)".
 */
function valuesLine(info: ActivationInfo, alpha: number): string {
  const p = valuesPrime(info);
  const star = '*';
  const kinked = KINKED.has(info.name);
  const values = derivativeTable(info.name, alpha)
    .map((r) => `${p}(${formatZ(r.z)}) = ${formatValue(r.dg)}${kinked && r.z === 0 ? star : ''}`)
    .join(' · ');
  return kinked ? `${values}  (${star}${info.derivativeAtZero})` : values;
}

const BACKPROP = "dZ[1] = W[2]ᵀ dZ[2] * g[1]'(Z[1])";

function trainLink(name: ActivationName, o: ActivationHoverOptions): string {
  const settings: { activation: ActivationName; leakyAlpha?: number } = { activation: name };
  if (name === 'leaky-relu' && o.alpha !== undefined) settings.leakyAlpha = o.alpha;
  const args = encodeURIComponent(JSON.stringify([{ settings }]));
  return `command:${HOVER_COMMANDS[0]}?${args}`;
}

/**
 * The hover's markdown for activation `name`. Trust only HOVER_COMMANDS when rendering it; it
 * holds no HTML. Laid out to fit an editor hover's default height (250 px) without scrolling:
 * heading, formulas and the g' values as lines of one paragraph; α (Leaky ReLU); the saturation /
 * dying sentence; the plot with the two links beside it.
 */
export function activationHoverMarkdown(name: ActivationName, o: ActivationHoverOptions = {}): string {
  const info = ACTIVATIONS[name];
  const alpha = alphaOf(name, o.alpha);
  const g = code(formulaOf(info));
  const dg = code(info.derivativeFormula);
  const range = escapeMarkdown(info.range);
  const lines = o.isDerivative
    ? [`**${escapeMarkdown(primeName(info))}** · derivative of ${escapeMarkdown(info.label)}, used by backpropagation in ${code(BACKPROP)}`, dg, `${g} · range ${range}`]
    : [`**${escapeMarkdown(info.label)}** · hidden-layer activation g · range ${range}`, g, dg];
  lines.push(escapeMarkdown(valuesLine(info, alpha)));
  const parts = [lines.join('  \n')];
  const alphaLine = alphaSentence(name, o, true);
  parts.push((alphaLine ? alphaLine + ' ' : '') + escapeMarkdown(info.description));

  const tail: string[] = [];
  if (o.plot !== false) {
    const alt = `g and g' of ${info.label} for z from −6 to 6`;
    tail.push(`![${escapeMarkdown(alt)}](${svgDataUri(activationPlotSvg(name, alpha))})`);
  }
  if (o.commands !== false) {
    const train = `[Train a net with this activation](${trainLink(name, o)} "Pick a CSV and train a one-hidden-layer network with ${info.label} units")`;
    const compare = `[Compare activations](command:${HOVER_COMMANDS[1]} "Open the Shallow Net panel")`;
    tail.push(`${train} · ${compare}`);
  }
  if (tail.length) parts.push(tail.join(' '));
  return parts.join('\n\n');
}

/**
 * The same facts as plain text, for a tooltip or title attribute (the panel's activation control):
 * formulas, range, α, g' at z = −10, 0, 10, and the saturation / dying sentence.
 */
export function activationHoverText(name: ActivationName, o: Pick<ActivationHoverOptions, 'isDerivative' | 'alpha' | 'alphaSource' | 'matchedText'> = {}): string {
  const info = ACTIVATIONS[name];
  const alpha = alphaOf(name, o.alpha);
  const g = formulaOf(info);
  const lines: string[] = o.isDerivative
    ? [`${primeName(info)}: derivative of ${info.label}`, info.derivativeFormula, `${g}, range ${info.range}`]
    : [`${info.label}: hidden-layer activation g, range ${info.range}`, g, info.derivativeFormula];
  lines.push(valuesLine(info, alpha));
  const alphaLine = alphaSentence(name, o, false);
  if (alphaLine) lines.push(alphaLine);
  lines.push(info.description);
  return lines.join('\n');
}

// ── The plot ──────────────────────────────────────────────────────────────────────────────────

/**
 * Colours legible on light and dark backgrounds alike (the SVG is an <img>: it cannot read the
 * theme's variables). Mid-saturation blue and orange, grey axes and text, no background.
 */
export const PLOT_COLOURS = { g: '#3b8bd9', dg: '#e07b28', axis: '#8a8a8a', text: '#8a8a8a' } as const;

const PLOT = { width: 270, height: 100, left: 30, right: 20, top: 10, bottom: 22, zMin: -6, zMax: 6, step: 0.05 } as const;

const px = (v: number): string => String(Math.round(v * 10) / 10);

/** g and g' of `name` over z ∈ [−6, 6]: two paths (g solid blue, g' dashed orange), axes, a legend. */
export function activationPlotSvg(name: ActivationName, alpha?: number): string {
  const info = ACTIVATIONS[name];
  const a = alphaOf(name, alpha);
  const n = Math.round((PLOT.zMax - PLOT.zMin) / PLOT.step);
  const zs = Array.from({ length: n + 1 }, (_, i) => PLOT.zMin + i * PLOT.step);
  const gs = zs.map((z) => info.g(z, a));
  const dgs = zs.map((z) => info.dg(z, a));

  // y range: always 0 and 1, what the curves reach, capped so ReLU's line leaves the top.
  const all = [...gs, ...dgs];
  let yMin = Math.max(-1.5, Math.min(0, ...all));
  let yMax = Math.min(3, Math.max(1, ...all));
  const pad = (yMax - yMin) * 0.08;
  yMin -= pad;
  yMax += pad;

  const plotW = PLOT.width - PLOT.left - PLOT.right;
  const plotH = PLOT.height - PLOT.top - PLOT.bottom;
  const x = (z: number): number => PLOT.left + ((z - PLOT.zMin) / (PLOT.zMax - PLOT.zMin)) * plotW;
  const y = (v: number): number => PLOT.top + ((yMax - v) / (yMax - yMin)) * plotH;

  /** Polyline through the samples, broken (a new M) where the function jumps. */
  const pathOf = (vs: number[]): string => {
    let d = '';
    vs.forEach((v, i) => {
      const jump = i > 0 && Math.abs(v - vs[i - 1]) > 0.25 * (yMax - yMin) * (PLOT.step * 4);
      d += `${i === 0 || jump ? 'M' : 'L'}${px(x(zs[i]))} ${px(y(v))}`;
    });
    return d;
  };

  const yTicks: number[] = [];
  for (let t = Math.ceil(yMin); t <= Math.floor(yMax); t++) yTicks.push(t);
  const xTicks = [-6, -3, 0, 3, 6];
  const font = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="10" fill="${PLOT_COLOURS.text}"`;
  const c = PLOT_COLOURS;
  const lx = PLOT.left + 8;
  const ly = PLOT.top + 10;
  const legendG = name === 'sigmoid' ? 'σ(z)' : 'g(z)';
  const legendDg = name === 'sigmoid' ? "σ'(z)" : "g'(z)";
  const alphaNote = name === 'leaky-relu' ? `<text x="${px(PLOT.left + plotW)}" y="${px(ly + 4)}" text-anchor="end" ${font}>α = ${escapeXml(formatValue(a))}</text>` : '';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PLOT.width}" height="${PLOT.height}" viewBox="0 0 ${PLOT.width} ${PLOT.height}">`,
    `<title>${escapeXml(`${info.label}: g and g' for z from −6 to 6`)}</title>`,
    `<defs><clipPath id="plot"><rect x="${PLOT.left}" y="${PLOT.top}" width="${plotW}" height="${plotH}"/></clipPath></defs>`,
    // axes: z axis at g = 0, g axis at z = 0, and a tick per label
    `<g stroke="${c.axis}" stroke-width="1" fill="none">`,
    `<line x1="${PLOT.left}" y1="${px(y(0))}" x2="${PLOT.left + plotW}" y2="${px(y(0))}"/>`,
    `<line x1="${px(x(0))}" y1="${PLOT.top}" x2="${px(x(0))}" y2="${PLOT.top + plotH}"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.top + plotH}" stroke-opacity="0.5"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top + plotH}" x2="${PLOT.left + plotW}" y2="${PLOT.top + plotH}" stroke-opacity="0.5"/>`,
    ...xTicks.map((t) => `<line x1="${px(x(t))}" y1="${PLOT.top + plotH}" x2="${px(x(t))}" y2="${PLOT.top + plotH + 3}"/>`),
    ...yTicks.map((t) => `<line x1="${PLOT.left - 3}" y1="${px(y(t))}" x2="${PLOT.left}" y2="${px(y(t))}"/>`),
    `</g>`,
    ...xTicks.map((t) => `<text x="${px(x(t))}" y="${PLOT.top + plotH + 13}" text-anchor="middle" ${font}>${formatZ(t)}</text>`),
    `<text x="${PLOT.left + plotW + 10}" y="${PLOT.top + plotH + 13}" text-anchor="start" ${font} font-style="italic">z</text>`,
    ...yTicks.map((t) => `<text x="${PLOT.left - 5}" y="${px(y(t) + 3.5)}" text-anchor="end" ${font}>${formatZ(t)}</text>`),
    `<g clip-path="url(#plot)" fill="none" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">`,
    `<path d="${pathOf(gs)}" stroke="${c.g}"/>`,
    `<path d="${pathOf(dgs)}" stroke="${c.dg}" stroke-dasharray="5 3"/>`,
    `</g>`,
    // legend, top left (every curve is low there)
    `<line x1="${lx}" y1="${ly}" x2="${lx + 18}" y2="${ly}" stroke="${c.g}" stroke-width="2"/>`,
    `<text x="${lx + 22}" y="${ly + 3.5}" ${font}>${escapeXml(legendG)}</text>`,
    `<line x1="${lx}" y1="${ly + 14}" x2="${lx + 18}" y2="${ly + 14}" stroke="${c.dg}" stroke-width="2" stroke-dasharray="5 3"/>`,
    `<text x="${lx + 22}" y="${ly + 17.5}" ${font}>${escapeXml(legendDg)}</text>`,
    alphaNote,
    `</svg>`,
  ].join('');
}

/** For text content (never attribute values): the legend keeps its plain "g'(z)". */
function escapeXml(s: string): string {
  return s.replace(/[<>&]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the UTF-8 bytes of `text` (no Buffer / btoa: runs anywhere). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}
