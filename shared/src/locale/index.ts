/**
 * Personalisation of Czech and Slovak contacts: vocative, gender, name day and clean names.
 * Pure data and rules, no platform: it is bundled into the n8n node as it is.
 */
export { vocative, type VocativeOptions } from './vocative';
export { detectGender, type Gender } from './gender';
export { nameDay, nameDays } from './name-day';
export { parsePersonName, type PersonName, type PersonNameInput } from './parse-person-name';
export { personalize, type Personalization, type PersonalizeInput } from './personalize';
