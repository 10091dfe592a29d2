/**
 * The new part of an emailed answer: the text above the quote of our mail. Mail programs quote in
 * two common ways — lines starting with `>`, and an "On … wrote:" line (Gmail, Apple Mail,
 * Thunderbird) or an Outlook "-----Original Message-----" / "From:" block — and everything from
 * the first of these down is what we sent. When nothing is left, the whole text is kept.
 */
export function newTextOfReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const quoteStart = lines.findIndex(
    (line, i) =>
      /^\s*>/.test(line) ||
      /^-{2,}\s*Original Message\s*-{2,}$/i.test(line.trim()) ||
      /^On .{4,200} wrote:\s*$/.test(line.trim()) ||
      (/^On .{4,200}$/.test(line.trim()) && /wrote:\s*$/.test(lines[i + 1]?.trim() ?? '')) ||
      (/^From: .+/.test(line) && /^(Sent|Date): .+/.test(lines[i + 1] ?? '')),
  );
  const kept = (quoteStart === -1 ? lines : lines.slice(0, quoteStart)).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
