import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';
import { secretHowTo, webhookSecretField } from '../transport/webhookSecret';

/**
 * The shared secret Ellity repeats in our webhook URL (`?key=`). Ellity cannot sign its webhooks,
 * so the secret in the URL is the only proof that a call came from the merchant's Ellity console.
 * Nothing is sent anywhere with it, so the Ellity Trigger tests it locally (`testedBy`).
 */
export class EllityWebhookApi implements ICredentialType {
	name = 'ellityWebhookApi';

	displayName = 'Ellity Webhook API';

	icon: Icon = { light: 'file:../icons/ellity.svg', dark: 'file:../icons/ellity.dark.svg' };

	documentationUrl =
		'https://github.com/ecomail-bridge/ecomail-bridge/tree/main/n8n-nodes#ellity-credentials';

	properties: INodeProperties[] = [
		secretHowTo,
		webhookSecretField(
			'Webhook Secret',
			'At least 32 random characters. In Ellity, the webhook URL ends with ?key= followed by this secret; calls without it are refused.',
		),
	];
}
