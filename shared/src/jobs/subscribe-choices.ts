/**
 * The choices a user makes about how contacts are subscribed, with ONE default each. Every shell
 * offers exactly these, with these labels and defaults, and passes the user's answers to a job
 * unchanged: no shell sets a subscribe flag of its own (docs/pipeline.md §2).
 */
export interface SubscribeChoices {
  /** Send Ecomail's confirmation e-mail on double opt-in lists. Needs one call per contact. */
  doubleOptIn?: boolean;
  /** Subscribe again a contact who unsubscribed. For GoOut buyers only when that buyer consented. */
  resubscribe?: boolean;
  /** Start the list's "subscribed to list" automations, and "made an order" ones for orders. */
  triggerAutomations?: boolean;
  /** Send the list's new-subscriber notification. Needs one call per contact. */
  triggerNotification?: boolean;
}

export type TagHandling = 'add' | 'replace';

export const DEFAULT_SUBSCRIBE_CHOICES: Required<SubscribeChoices> = {
  doubleOptIn: false,
  resubscribe: false,
  // Off: an import of history must not start welcome or order automations for thousands of people.
  triggerAutomations: false,
  triggerNotification: false,
};

export const DEFAULT_TAG_HANDLING: TagHandling = 'add';

export interface ChoiceText {
  label: string;
  description: string;
}

/** What each shell shows for the choices; kept here so all three say the same thing. */
export const SUBSCRIBE_CHOICE_TEXT: Record<keyof SubscribeChoices, ChoiceText> = {
  doubleOptIn: {
    label: 'Send Confirmation Email',
    description:
      'On lists with double opt-in, Ecomail e-mails each new contact a confirmation link and keeps them unconfirmed until they click. Contacts are then sent one call each instead of in bulk.',
  },
  resubscribe: {
    label: 'Resubscribe',
    description:
      'Subscribe contacts again who unsubscribed earlier. Only when they gave consent again; GoOut buyers are resubscribed only when they ticked the newsletter box in this purchase.',
  },
  triggerAutomations: {
    label: 'Start Automations',
    description:
      'Start the list’s “subscribed to list” automations for new contacts and “made an order” automations for orders. Off by default so imports of older data mail nobody.',
  },
  triggerNotification: {
    label: 'Send New-Subscriber Notification',
    description: 'Send the list’s notification about a new subscriber. Contacts are then sent one call each instead of in bulk.',
  },
};

export const TAG_HANDLING_TEXT: Record<TagHandling, ChoiceText> = {
  add: {
    label: 'Add to Existing Tags',
    description:
      'The contact keeps the tags it already has. Ecomail can only replace a contact’s tags, so the tags of contacts that already exist are read first: one extra call per existing contact (new contacts cost nothing extra).',
  },
  replace: {
    label: 'Replace Tags',
    description: 'The contact ends up with exactly these tags; tags it had before are removed.',
  },
};

/** The choices with every default filled in; unknown keys are ignored. */
export function subscribeChoices(input: SubscribeChoices = {}): Required<SubscribeChoices> {
  return {
    doubleOptIn: input.doubleOptIn ?? DEFAULT_SUBSCRIBE_CHOICES.doubleOptIn,
    resubscribe: input.resubscribe ?? DEFAULT_SUBSCRIBE_CHOICES.resubscribe,
    triggerAutomations: input.triggerAutomations ?? DEFAULT_SUBSCRIBE_CHOICES.triggerAutomations,
    triggerNotification: input.triggerNotification ?? DEFAULT_SUBSCRIBE_CHOICES.triggerNotification,
  };
}

/** Single subscribe calls are needed for what subscribe-bulk cannot do (docs/ecomail-api.md §3.3). */
export function needsSingleCalls(choices: Required<SubscribeChoices>): boolean {
  return choices.doubleOptIn || choices.triggerNotification;
}
