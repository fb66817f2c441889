import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeProperties,
} from 'n8n-workflow';

/** Shortest secret the webhook triggers accept as unguessable. */
export const MIN_SECRET_LENGTH = 32;

/** The secret a webhook trigger expects in its URL, as a credential field or node parameter. */
export function webhookSecretField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description,
	};
}

/**
 * Credential test of a webhook secret. The secret is never sent anywhere, so the test checks that
 * it is long enough to be unguessable.
 */
export async function testWebhookSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.secret ?? '');
	return secret.length >= MIN_SECRET_LENGTH
		? { status: 'OK', message: 'The secret is long enough' }
		: {
				status: 'Error',
				message: `Use a random secret of at least ${MIN_SECRET_LENGTH} characters`,
			};
}
