/**
 * Ecomail replaces a contact's whole tag set on every write, so two Zap runs changing one contact
 * at once could undo each other's tags. Zapier runs actions holding the same lock one at a time:
 * the key is the contact's e-mail, scoped to the connection (one Ecomail account).
 */
export const contactLock = {
  key: 'ecomail-contact-{{bundle.inputData.email}}',
  scope: ['auth' as const],
  timeout: 60,
};
