/**
 * The admin console's entry: the console's localisation, then the frame,
 * which loads each screen's module the first time it is shown.
 */
import { configureLocalization } from '@lit/localize';
import { CONSOLE_LANGUAGES, startLanguage } from './language.js';
import { ParvisAdmin } from './shell.js';

// @lit/localize is configured once per page, here. English strings are a chunk of their own, loaded only by officers who read them.
const localization = configureLocalization({
  sourceLocale: CONSOLE_LANGUAGES[0],
  targetLocales: CONSOLE_LANGUAGES.slice(1),
  loadLocale: () => import('../generated/admin-locales/en.js'),
});

// The frame renders once the officer's language is in, so that nobody reads the console first in another language.
void startLanguage(localization).then(() => ParvisAdmin.define('parvis-admin'));
