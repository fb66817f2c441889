import {
  DEFAULT_SUBSCRIBE_CHOICES,
  DEFAULT_TAG_HANDLING,
  SUBSCRIBE_CHOICE_TEXT,
  TAG_HANDLING_TEXT,
  type SubscribeChoices,
  type TagHandling,
} from '@ecomail-bridge/shared/node';
import { Option } from 'commander';

/**
 * One of the core's subscribe choices as a flag, with the core's label, text and default: the flag
 * turns the choice away from its default (`--x` when off by default, `--no-x` when on), and when
 * it is not given the value stays unset so the core's default applies.
 */
export function subscribeChoiceOption(flag: string, choice: keyof SubscribeChoices): Option {
  const { label, description } = SUBSCRIBE_CHOICE_TEXT[choice];
  const on = DEFAULT_SUBSCRIBE_CHOICES[choice];
  const option = new Option(on ? `--no-${flag}` : `--${flag}`, `${label} (default ${on ? 'on' : 'off'}). ${description}`);
  // commander gives a lone --no-x the value true when absent; the core's default is what counts.
  return on ? option.default(DEFAULT_SUBSCRIBE_CHOICES[choice]) : option;
}

/** `--tag-handling add|replace`, described with the core's texts. */
export function tagHandlingOption(): Option {
  const choices = Object.keys(TAG_HANDLING_TEXT) as TagHandling[];
  const texts = choices.map((value) => `${value}: ${TAG_HANDLING_TEXT[value].label}. ${TAG_HANDLING_TEXT[value].description}`);
  return new Option('--tag-handling <how>', texts.join(' ')).choices(choices).default(DEFAULT_TAG_HANDLING);
}

/** The flag older scripts use for `--tag-handling replace`; see `tagHandlingOf`. */
export function keepTagsAliasOption(): Option {
  return new Option('--no-keep-existing-tags', 'the same as --tag-handling replace (kept for older scripts)').conflicts('tagHandling');
}

/** The user's tag handling, whichever of the two flags said it. */
export function tagHandlingOf(flags: { tagHandling: TagHandling; keepExistingTags?: boolean }): TagHandling {
  return flags.keepExistingTags === false ? 'replace' : flags.tagHandling;
}
