/**
 * Masks every credential the run knows about in text bound for the terminal or the report. The
 * core already keeps keys out of its messages; this is the last line, for anything else (a server
 * echoing a token back, an option dump). JWT-shaped strings are masked too: rotated GoOut tokens
 * arrive after the run has started.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would mask ordinary words; real keys and tokens are long.
    if (secret && secret.trim().length >= 6) this.secrets.add(secret.trim());
  }

  apply(text: string): string {
    let masked = text;
    for (const secret of this.secrets) masked = masked.split(secret).join('***');
    return masked.replace(/eyJ[\w-]*\.[\w-]*(\.[\w-]*)?/g, '***');
  }
}
