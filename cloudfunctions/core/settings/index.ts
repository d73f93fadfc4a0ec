/** settings's front door: the store's settings in force, their manager actions, the template ids, and the seam for sections other contexts keep. */
export { currentSettings, getSettings, saveSettings, storeService, type SettingsInForce } from './settings.service';
export { templateIds } from './templates';
export { registerSettingsSection, type ExternalSection } from './external';
export type { SettingField } from './domain/sections';
