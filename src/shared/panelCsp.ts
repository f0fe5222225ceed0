/**
 * The panel's Content-Security-Policy: nothing by default; images, styles and fonts only from
 * the extension (and images from data: URLs, for the exported PNG); scripts only with the
 * page's nonce. Pure, so the webview tests load their pages under this very policy.
 */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}
