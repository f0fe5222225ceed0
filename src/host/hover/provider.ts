/**
 * The editor's half of the activation hover: a HoverProvider over Python, JavaScript, TypeScript
 * (and their React variants), Markdown, Jupyter notebook code cells and this extension's model
 * files. Recognition (recognize.ts) and text (content.ts) are pure; this module only reads the
 * settings, asks them, and wraps the answer in a MarkdownString that may run two commands.
 *
 * Settings, read at every hover so a change applies at once:
 *   shallowNet.hover.enabled    false turns the hovers off
 *   shallowNet.hover.languages  language ids where they appear (notebook cells: python; model files: json)
 */
import * as vscode from 'vscode';
import { activationHoverMarkdown, HOVER_COMMANDS } from '../../shared/activationText';
import { findActivationAt } from './recognize';

export const HOVER_LANGUAGES = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'markdown'] as const;

/** Where the provider is registered; the languages setting narrows it further. */
export const HOVER_SELECTOR: vscode.DocumentFilter[] = [
  ...HOVER_LANGUAGES.map((language) => ({ language })),
  { notebookType: 'jupyter-notebook', language: 'python' },
  { scheme: 'vscode-notebook-cell', language: 'python' },
  { pattern: '**/*.model.json' },
];

/** The languages setting's default, as package.json declares it. */
export const DEFAULT_HOVER_LANGUAGES: readonly string[] = [...HOVER_LANGUAGES, 'json'];

function hoverWanted(document: vscode.TextDocument): boolean {
  const config = vscode.workspace.getConfiguration('shallowNet.hover', document);
  if (!config.get<boolean>('enabled', true)) return false;
  const languages = config.get<unknown>('languages', DEFAULT_HOVER_LANGUAGES);
  return !Array.isArray(languages) || languages.includes(document.languageId);
}

export class ActivationHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!hoverWanted(document)) return undefined;
    const line = document.lineAt(position.line).text;
    const match = findActivationAt(line, position.character);
    if (!match) return undefined;
    const markdown = new vscode.MarkdownString(
      activationHoverMarkdown(match.name, {
        isDerivative: match.isDerivative,
        ...(match.alpha !== undefined ? { alpha: match.alpha } : {}),
        ...(match.alphaSource ? { alphaSource: match.alphaSource } : {}),
        matchedText: match.text,
      }),
    );
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, new vscode.Range(position.line, match.start, position.line, match.end));
  }
}

/** Registers the activation hover; called once from activate(). */
export function registerHovers(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(HOVER_SELECTOR, new ActivationHoverProvider()));
}
