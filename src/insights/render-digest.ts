import type { DigestDoc, StoryDoc } from './digest-document.js';
import { type Segment, segmentsText } from './story.js';

/** A digest as Markdown and as HTML: the files the CLI writes and the bodies of its emails. */

/** Plain text inside Markdown: emphasis, code, HTML and link syntax typed in a case do nothing. */
const md = (segments: readonly Segment[]) =>
  segmentsText(segments)
    .replace(/([\\`*_<>])/g, '\\$1')
    .replace(/\]\(/g, ']\\(');

function storyMarkdown(s: StoryDoc, kind: DigestDoc['kind']): string {
  const out: string[] = [`## ${md(s.heading)}`, ''];
  if (kind === 'team_meeting' && s.chosenBecause.length)
    out.push(`*Chosen because:* ${s.chosenBecause.join('; ')} (${s.points} points)`, '');
  out.push('### What happened', '', md(s.whatHappened) || '(no summary written)', '');
  if (s.sides.length) {
    out.push('### What each side said', '');
    for (const side of s.sides) out.push(`- **${side.who}:** ${md(side.said)}`);
    out.push('');
  }
  out.push('### What was done', '', md(s.whatWasDone) || '(nothing recorded yet)', '');
  if (s.lesson.length) out.push('### The lesson', '', md(s.lesson), '');
  if (s.playbook) {
    out.push('### What the playbook suggests', '', `From *${s.playbook.name}*:`, '');
    for (const step of s.playbook.suggests) out.push(`- ${step}`);
    out.push('');
  }
  if (s.suggestions.length) {
    out.push('### Next time', '');
    for (const tip of s.suggestions) out.push(`- ${tip}`);
    out.push('');
  }
  if (kind === 'team_meeting') {
    out.push('### Questions for the team', '');
    for (const [i, q] of s.questions.entries()) out.push(`${i + 1}. ${q}`);
    out.push('');
  }
  if (s.links.length) {
    out.push('### Helps', '');
    for (const l of s.links) out.push(`- [${l.label}](${l.href})`);
    out.push('');
  }
  return out.join('\n');
}

/** The digest as Markdown. */
export function digestMarkdown(doc: DigestDoc): string {
  const parts = [`# ${doc.title}`, '', ...doc.rules.map((r) => `> ${r}`), ''];
  if (doc.stories.length === 0) parts.push('No case to discuss this time.', '');
  for (const s of doc.stories) parts.push(storyMarkdown(s, doc.kind));
  if (doc.leftOut) parts.push(`*${doc.leftOut}*`, '');
  return `${parts.join('\n').trimEnd()}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const html = (segments: readonly Segment[]) => esc(segmentsText(segments));
const list = (items: readonly string[], tag = 'ul') => `<${tag}>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;

function storyHtml(s: StoryDoc, kind: DigestDoc['kind']): string {
  const out: string[] = [`<section><h2>${html(s.heading)}</h2>`];
  if (kind === 'team_meeting' && s.chosenBecause.length)
    out.push(`<p><em>Chosen because:</em> ${esc(s.chosenBecause.join('; '))} (${s.points} points)</p>`);
  out.push(`<h3>What happened</h3><p>${html(s.whatHappened) || '(no summary written)'}</p>`);
  if (s.sides.length)
    out.push(
      `<h3>What each side said</h3><ul>${s.sides.map((d) => `<li><strong>${esc(d.who)}:</strong> ${html(d.said)}</li>`).join('')}</ul>`,
    );
  out.push(`<h3>What was done</h3><p>${html(s.whatWasDone) || '(nothing recorded yet)'}</p>`);
  if (s.lesson.length) out.push(`<h3>The lesson</h3><p>${html(s.lesson)}</p>`);
  if (s.playbook) out.push(`<h3>What the playbook suggests</h3><p>From <em>${esc(s.playbook.name)}</em>:</p>${list(s.playbook.suggests)}`);
  if (s.suggestions.length) out.push(`<h3>Next time</h3>${list(s.suggestions)}`);
  if (kind === 'team_meeting') out.push(`<h3>Questions for the team</h3>${list(s.questions, 'ol')}`);
  if (s.links.length)
    out.push(`<h3>Helps</h3><ul>${s.links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.label)}</a></li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

/** The body of one digest in HTML (without the document around it). */
export function digestHtmlBody(doc: DigestDoc): string {
  return [
    `<h1>${esc(doc.title)}</h1>`,
    ...doc.rules.map((r) => `<p><small>${esc(r)}</small></p>`),
    doc.stories.length === 0 ? '<p>No case to discuss this time.</p>' : '',
    ...doc.stories.map((s) => storyHtml(s, doc.kind)),
    doc.leftOut ? `<p><em>${esc(doc.leftOut)}</em></p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A standalone HTML document around digest bodies. */
export function htmlDocument(title: string, bodies: readonly string[]): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n${bodies.join('\n<hr>\n')}\n</body></html>\n`;
}

/** The digest as a standalone HTML document. */
export function digestHtml(doc: DigestDoc): string {
  return htmlDocument(doc.title, [digestHtmlBody(doc)]);
}

/** What the management summary shows: what several teams share, with counts. */
export type SummaryDoc = {
  week: string;
  rule: string;
  teams: { name: string; cases: number }[];
  sharedThemes: { label: string; total: number; teams: { name: string; count: number }[] }[];
  sharedRootCauses: { category: string; total: number; teams: { name: string; count: number }[] }[];
};

const perTeam = (teams: readonly { name: string; count: number }[]) => teams.map((t) => `${t.name} ${t.count}`).join(', ');

/** The management summary as Markdown. */
export function summaryMarkdown(s: SummaryDoc): string {
  const out = [
    `# Management summary, week ${s.week}`,
    '',
    `> ${s.rule}`,
    '',
    `Teams: ${s.teams.map((t) => `${t.name} (${t.cases} cases)`).join(', ')}`,
    '',
  ];
  out.push('## Themes shared by several teams', '');
  if (s.sharedThemes.length === 0) out.push('None in these weeks.');
  for (const t of s.sharedThemes) out.push(`- **${t.label}**: ${t.total} cases (${perTeam(t.teams)})`);
  out.push('', '## Root causes shared by several teams', '');
  if (s.sharedRootCauses.length === 0) out.push('None in these weeks.');
  for (const c of s.sharedRootCauses) out.push(`- **${c.category.replace(/_/g, ' ')}**: ${c.total} cases (${perTeam(c.teams)})`);
  return `${out.join('\n')}\n`;
}

/** The management summary as an HTML body. */
export function summaryHtmlBody(s: SummaryDoc): string {
  const items = (rows: string[]) => (rows.length ? `<ul>${rows.join('')}</ul>` : '<p>None in these weeks.</p>');
  return [
    `<h1>Management summary, week ${esc(s.week)}</h1>`,
    `<p><small>${esc(s.rule)}</small></p>`,
    '<h2>Themes shared by several teams</h2>',
    items(s.sharedThemes.map((t) => `<li><strong>${esc(t.label)}</strong>: ${t.total} cases (${esc(perTeam(t.teams))})</li>`)),
    '<h2>Root causes shared by several teams</h2>',
    items(
      s.sharedRootCauses.map(
        (c) => `<li><strong>${esc(c.category.replace(/_/g, ' '))}</strong>: ${c.total} cases (${esc(perTeam(c.teams))})</li>`,
      ),
    ),
  ].join('\n');
}
