/**
 * One spelling per app: the Zapier apps write "email" and "organizer" (Zapier's and GoOut's own
 * English), while some texts the core shares with every shell write "e-mail". The core's texts
 * are shown through this, unchanged but for the spelling.
 */
export function zapierWording(text: string): string {
  return text
    .replace(/\b([eE])-mail/g, (_match, e: string) => `${e}mail`)
    .replace(/\b([oO])rganis(e|ing|ation)/g, (_match, o: string, rest: string) => `${o}rganiz${rest}`);
}
