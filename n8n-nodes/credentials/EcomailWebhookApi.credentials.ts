import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';
import { secretHowTo, webhookSecretField } from '../transport/webhookSecret';

/**
 * The shared secret Ecomail repeats in the list webhook URL (`?secret=`). Ecomail cannot sign its
 * webhooks, so the secret in the URL is the only proof that a call came from the user's list. Kept
 * in a credential so it is encrypted by n8n and not part of the workflow JSON; nothing is sent
 * anywhere with it, so the Ecomail Trigger tests it locally (`testedBy`).
 */
export class EcomailWebhookApi implements ICredentialType {
	name = 'ecomailWebhookApi';

	displayName = 'Ecomail Webhook API';

	icon: Icon = { light: 'file:../icons/ecomail.svg', dark: 'file:../icons/ecomail.dark.svg' };

	documentationUrl =
		'https://github.com/ecomail-bridge/ecomail-bridge/tree/main/n8n-nodes#ecomail-trigger';

	properties: INodeProperties[] = [
		secretHowTo,
		webhookSecretField(
			'Webhook Secret',
			'At least 32 random characters. In Ecomail, the list webhook URL ends with ?secret= followed by this secret; calls without it are refused.',
		),
	];
}
