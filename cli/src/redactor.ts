/**
 * The CLI masks every credential of the run (pasted keys, rotated GoOut tokens) in text bound for
 * the terminal or the report with the core's one redaction function. The core already keeps keys
 * out of its messages; this is the last line, for anything else (a server echoing a token back).
 */
export { SecretRedactor as Redactor } from '@ecomail-bridge/shared';
