import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { panelCsp } from './panelCsp';

/** A fresh nonce per load, from a cryptographic source (webview-sample's practice). */
export function nonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The panel's page: strict CSP, one stylesheet, one script with a nonce, nothing inline. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
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
<div id="app"></div>
<script nonce="${n}" src="${src('webview.js')}"></script>
</body>
</html>`;
}
