import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { configure } from 'parvis/client';
import { AppComponent } from './app.component.js';

// Bundled into the application, the widgets do not know the Parvis server: say it once.
configure({ api: 'https://participer.ville-exemple.fr' });

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) =>
  console.error(error),
);
