/**
 * The hyper-parameter controls (hidden units, activation, learning rate, iterations,
 * initialisation) and the Train / Stop / Save model buttons. Inputs are checked here, with a
 * message beside the field, before anything is sent; the host checks again (parseTrainSettings).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { ACTIVATIONS } from '../../src/engine/activations';
import { ACTIVATION_NAMES, INIT_NAMES, type ActivationName, type InitName } from '../../src/engine/types';
import { h, setText } from '../widgets/dom';
import { activationHoverText } from '../../src/shared/activationText';
import type { TrainSettings } from '../../src/shared/runTypes';

/** What the fields hold, as typed (kept across reloads with the webview state). */
export interface FormValues {
  hiddenUnits: string;
  activation: ActivationName;
  learningRate: string;
  iterations: string;
  init: InitName;
  /** The `small` initialisation's scale (absent in state saved before it existed). */
  initScale?: string;
}

/** The form showing a run's (or the defaults') settings. */
export function formFrom(s: TrainSettings): FormValues {
  return {
    hiddenUnits: String(s.hiddenUnits),
    activation: s.activation,
    learningRate: String(s.learningRate),
    iterations: String(s.iterations),
    init: s.init,
    initScale: String(s.initScale ?? 0.01),
  };
}

export interface ValidSettings {
  hiddenUnits: number;
  activation: ActivationName;
  learningRate: number;
  iterations: number;
  init: InitName;
  initScale: number;
}

type NumberField = 'hiddenUnits' | 'learningRate' | 'iterations' | 'initScale';

export const INIT_TEXT: Record<InitName, string> = {
  small: 'small: randn · scale (the lesson’s, 0.01)',
  xavier: 'xavier: randn · √(1/n_in)',
  he: 'he: randn · √(2/n_in)',
  zeros: 'zeros: all 0 (shows the symmetry problem)',
};

function num(text: string): number {
  const t = text.trim();
  return t === '' ? NaN : Number(t);
}

/** The checks, with the message a person sees; shared by the UI and the tests. */
export function validate(v: FormValues): { settings?: ValidSettings; errors: Partial<Record<NumberField, string>> } {
  const errors: Partial<Record<NumberField, string>> = {};
  const hu = num(v.hiddenUnits);
  if (!Number.isInteger(hu) || hu < 1 || hu > 10000) errors.hiddenUnits = 'Hidden units must be a whole number from 1 to 10000.';
  const lr = num(v.learningRate);
  if (!Number.isFinite(lr)) errors.learningRate = 'Learning rate must be a number, e.g. 1.2.';
  else if (lr <= 0) errors.learningRate = 'Learning rate must be greater than 0.';
  else if (lr > 1e6) errors.learningRate = 'Learning rate must be at most 1000000.';
  const it = num(v.iterations);
  if (!Number.isInteger(it) || it < 1 || it > 10_000_000) errors.iterations = 'Iterations must be a whole number from 1 to 10000000.';
  const typed = num(v.initScale ?? '0.01');
  const scaleOk = Number.isFinite(typed) && typed > 0 && typed <= 1000;
  // Only the small initialisation uses it; the others keep whatever is typed out of the way.
  if (!scaleOk && v.init === 'small') errors.initScale = 'Initial scale must be a number above 0 and at most 1000, e.g. 0.01.';
  const sc = scaleOk ? typed : 0.01;
  if (Object.keys(errors).length) return { errors };
  return { errors, settings: { hiddenUnits: hu, activation: v.activation, learningRate: lr, iterations: it, init: v.init, initScale: sc } };
}

type TextField = HTMLElementTagNameMap['vscode-textfield'];
type Select = HTMLElementTagNameMap['vscode-single-select'];
type Button = HTMLElementTagNameMap['vscode-button'];

export interface ControlHandlers {
  onTrain: (settings: ValidSettings) => void;
  onStop: () => void;
  onSave: () => void;
  onEdit: (values: FormValues) => void;
  /** Validation failed on Train: the messages, for the live region. */
  onInvalid: (messages: string[]) => void;
}

/** The same text as the editor's activation hover (formulas, the lesson's g' values, when it saturates). */
export function activationTitle(name: ActivationName): string {
  return activationHoverText(name);
}

export class Controls {
  readonly element: HTMLElement;
  private readonly fields: Record<NumberField, TextField>;
  private readonly errors: Record<NumberField, HTMLElement>;
  private readonly activation: Select;
  private readonly init: Select;
  private readonly activationHint: HTMLElement;
  readonly train: Button;
  readonly stop: Button;
  readonly save: Button;
  private touched = new Set<NumberField>();

  constructor(private readonly handlers: ControlHandlers) {
    const textField = (id: NumberField, label: string, attrs: { min?: number; integer: boolean; hint: string }): [HTMLElement, TextField, HTMLElement] => {
      const tf = document.createElement('vscode-textfield');
      tf.id = `field-${id}`;
      // Whole numbers: a number field (arrow keys step by 1). The learning rate: a text field, as a
      // number field would call 1.2 a step mismatch; our own check decides what is valid.
      tf.type = attrs.integer ? 'number' : 'text';
      if (attrs.integer && attrs.min !== undefined) tf.setAttribute('min', String(attrs.min));
      tf.setAttribute('inputmode', attrs.integer ? 'numeric' : 'decimal');
      tf.label = label;
      tf.setAttribute('aria-label', label);
      tf.title = attrs.hint;
      const err = h('div', { class: 'field-error', attrs: { id: `error-${id}` } });
      tf.addEventListener('input', () => {
        this.touched.add(id);
        this.check(id);
        this.handlers.onEdit(this.values());
      });
      const lab = document.createElement('vscode-label');
      lab.htmlFor = tf.id;
      lab.textContent = label;
      return [h('div', { class: `field field-${id}` }, [lab, tf, err]), tf, err];
    };
    const [huBox, hu, huErr] = textField('hiddenUnits', 'Hidden units n[1]', { min: 1, integer: true, hint: 'Number of units in the hidden layer (1 to 10000)' });
    const [lrBox, lr, lrErr] = textField('learningRate', 'Learning rate α', { integer: false, hint: 'Gradient-descent step size α; must be greater than 0' });
    const [itBox, it, itErr] = textField('iterations', 'Iterations', { min: 1, integer: true, hint: 'Number of gradient-descent iterations (1 to 10000000)' });
    const [scBox, sc, scErr] = textField('initScale', 'Initial scale', {
      integer: false,
      hint: 'The small initialisation draws W = randn · scale. The lesson’s 0.01 keeps tanh and σ out of saturation; 10 saturates them',
    });
    this.fields = { hiddenUnits: hu, learningRate: lr, iterations: it, initScale: sc };
    this.errors = { hiddenUnits: huErr, learningRate: lrErr, iterations: itErr, initScale: scErr };

    this.activation = document.createElement('vscode-single-select');
    this.activation.id = 'field-activation';
    for (const name of ACTIVATION_NAMES) {
      const a = ACTIVATIONS[name];
      const o = document.createElement('vscode-option');
      o.value = name;
      o.textContent = `${a.label}: ${a.formula}`;
      o.description = `${a.derivativeFormula}. ${a.description}`;
      this.activation.append(o);
    }
    this.activationHint = h('div', { class: 'hint', attrs: { id: 'activation-hint' } });
    this.activation.addEventListener('change', () => {
      this.describeActivation();
      this.handlers.onEdit(this.values());
    });
    const actLabel = document.createElement('vscode-label');
    actLabel.htmlFor = 'field-activation';
    actLabel.textContent = 'Activation g (hidden layer)';
    this.activation.setAttribute('aria-label', 'Activation g of the hidden layer');
    const actBox = h('div', { class: 'field field-activation' }, [actLabel, this.activation, this.activationHint]);

    this.init = document.createElement('vscode-single-select');
    this.init.id = 'field-init';
    for (const name of INIT_NAMES) {
      const o = document.createElement('vscode-option');
      o.value = name;
      o.textContent = INIT_TEXT[name];
      this.init.append(o);
    }
    this.init.addEventListener('change', () => {
      this.describeInit();
      this.handlers.onEdit(this.values());
    });
    this.init.setAttribute('aria-label', 'Initialisation of the weights');
    this.init.title = 'How W[1] and W[2] start (biases start at 0)';
    const initLabel = document.createElement('vscode-label');
    initLabel.htmlFor = 'field-init';
    initLabel.textContent = 'Initialisation';
    const initBox = h('div', { class: 'field field-init' }, [initLabel, this.init]);

    this.train = document.createElement('vscode-button');
    this.train.textContent = 'Train';
    this.train.id = 'train';
    this.train.title = 'Train a new run with these settings';
    this.train.addEventListener('click', () => this.submit());
    this.stop = document.createElement('vscode-button');
    this.stop.textContent = 'Stop';
    this.stop.id = 'stop';
    this.stop.secondary = true;
    this.stop.disabled = true;
    this.stop.title = 'Stop after the iteration under way; the run keeps what it learned';
    this.stop.addEventListener('click', () => {
      if (!this.stop.disabled) this.handlers.onStop();
    });
    this.save = document.createElement('vscode-button');
    this.save.textContent = 'Save model';
    this.save.id = 'save';
    this.save.secondary = true;
    this.save.disabled = true;
    this.save.title = 'Save the shown run’s model as JSON';
    this.save.addEventListener('click', () => {
      if (!this.save.disabled) this.handlers.onSave();
    });

    const form = h('form', { class: 'controls-grid', attrs: { 'aria-label': 'Hyper-parameters of a new run', novalidate: true } }, [
      huBox,
      actBox,
      lrBox,
      itBox,
      initBox,
      scBox,
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    // Enter in a text field trains, as in a form.
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'VSCODE-TEXTFIELD') {
        e.preventDefault();
        this.submit();
      }
    });
    this.element = h('div', { class: 'controls' }, [form, h('div', { class: 'buttons' }, [this.train, this.stop, this.save])]);
    this.describeActivation();
    this.describeInit();
  }

  values(): FormValues {
    return {
      hiddenUnits: this.fields.hiddenUnits.value,
      activation: (ACTIVATION_NAMES as readonly string[]).includes(this.activation.value) ? (this.activation.value as ActivationName) : 'tanh',
      learningRate: this.fields.learningRate.value,
      iterations: this.fields.iterations.value,
      init: (INIT_NAMES as readonly string[]).includes(this.init.value) ? (this.init.value as InitName) : 'small',
      initScale: this.fields.initScale.value,
    };
  }

  setValues(v: FormValues): void {
    this.fields.hiddenUnits.value = v.hiddenUnits;
    this.fields.learningRate.value = v.learningRate;
    this.fields.iterations.value = v.iterations;
    this.fields.initScale.value = v.initScale ?? '0.01';
    selectValue(this.activation, v.activation);
    selectValue(this.init, v.init);
    this.describeInit(v.init);
    this.touched.clear();
    for (const k of Object.keys(this.fields) as NumberField[]) this.check(k);
    this.describeActivation(v.activation);
  }

  setTraining(training: boolean): void {
    this.stop.disabled = !training;
  }

  setCanSave(can: boolean): void {
    this.save.disabled = !can;
  }

  private describeActivation(name: ActivationName = this.values().activation): void {
    const a = ACTIVATIONS[name];
    setText(this.activationHint, `${a.derivativeFormula}   ·   range ${a.range}`);
    const title = activationTitle(name);
    this.activation.title = title;
    this.activationHint.title = title;
  }

  /** The scale is the `small` initialisation's: the field is off for the others. */
  private describeInit(init: InitName = this.values().init): void {
    const off = init !== 'small';
    this.fields.initScale.disabled = off;
    this.fields.initScale.title = off
      ? `Only the small initialisation takes a scale (${init} sets its own)`
      : 'The small initialisation draws W = randn · scale. The lesson’s 0.01 keeps tanh and σ out of saturation; 10 saturates them';
  }

  /** Shows (or clears) the message of one field; returns it. */
  private check(id: NumberField, force = false): string | undefined {
    const msg = validate(this.values()).errors[id];
    const show = msg !== undefined && (force || this.touched.has(id));
    setText(this.errors[id], show ? msg : '');
    this.fields[id].invalid = show;
    this.fields[id].setAttribute('aria-invalid', String(show));
    return msg;
  }

  private submit(): void {
    const { settings, errors } = validate(this.values());
    for (const k of Object.keys(this.fields) as NumberField[]) this.check(k, true);
    if (!settings) {
      const first = (Object.keys(errors) as NumberField[])[0];
      if (first) this.fields[first].focus();
      this.handlers.onInvalid(Object.values(errors).filter((m): m is string => !!m));
      return;
    }
    this.handlers.onTrain(settings);
  }
}

function selectValue(select: Select, value: string): void {
  for (const o of Array.from(select.querySelectorAll('vscode-option'))) o.selected = o.value === value;
  select.value = value;
}
