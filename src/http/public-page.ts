import { escapeHtml } from '../services/emails/layout.js';

/** The look of every public page (survey, complaint form, status page): plain, readable on a phone, no script. */
const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}
fieldset{border:1px solid #ccc;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem}legend{font-weight:600}
label{margin-right:1rem;display:inline-block;padding:.25rem 0}textarea{width:100%;min-height:6rem;font:inherit}
button{font:inherit;padding:.5rem 1.25rem;border-radius:6px;border:0;background:#1864ab;color:#fff;cursor:pointer}
.error{color:#c92a2a;font-weight:600}
.field{margin:0 0 1rem}.field label{display:block;font-weight:600;padding:0 0 .25rem}.hint{color:#555;font-size:.9rem;margin:0 0 .25rem}
.field input,.field select,.field textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #888;border-radius:6px;min-height:2.75rem}
.field-error{color:#c92a2a;margin:.25rem 0 0}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.card{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}.muted{color:#555}`;

/** A whole public page: its title as the heading, the body below it. */
export function publicPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
