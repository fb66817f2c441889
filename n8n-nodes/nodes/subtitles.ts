/**
 * Canvas subtitles of the triggers in the words the panel shows, never parameter values: n8n
 * evaluates the expression in the editor, with the names written into it as JSON.
 */

interface NamedValue {
	name: string;
	value: string;
}

const lookup = (options: readonly NamedValue[]): string =>
	JSON.stringify(Object.fromEntries(options.map((option) => [option.value, option.name])));

/** One selected event by its name, several as a short count ("4 events"). */
export function eventsSubtitle(options: readonly NamedValue[]): string {
	const events = '$parameter["events"]';
	return `={{ ${events}.length === 1 ? (${lookup(options)})[${events}[0]] : ${events}.length + " events" }}`;
}
