import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { panelCsp } from '../../shared/panelCsp';

/** A fresh nonce per load, from a cryptographic source (webview-sample's practice). */
export function nonce(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The panel's page: strict CSP, one stylesheet, one script with a nonce, nothing inline. The
 * host's state at opening rides along as data (escaped JSON in an attribute, never markup), so a
 * panel opened while a run trains draws that run at once instead of waiting for its 'ready'.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initialState?: unknown): string {
  const n = nonce();
  const src = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', file)).toString();
  const csp = panelCsp(webview.cspSource, n);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${src('webview.css')}">
<title>Shallow Net</title>
</head>
<body>
<div id="app"${initialState === undefined ? '' : ` data-state="${escapeAttr(JSON.stringify(initialState))}"`}></div>
<script nonce="${n}" src="${src('webview.js')}"></script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
