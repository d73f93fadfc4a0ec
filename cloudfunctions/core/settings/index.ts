/** settings's front door: the store's settings in force, their manager actions, and the template ids. */
export { currentSettings, getSettings, saveSettings, storeService, type SettingsInForce } from './settings.service';
export { templateIds } from './templates';
