import { msg } from '@lit/localize';
import { html } from 'lit';
import { href } from './router.js';
import { AdminScreen } from './screen.js';

/** An address of the console that no screen answers. */
export class AdminNotFound extends AdminScreen {
  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Page introuvable')}</h1>
      <p>${msg('Cette adresse ne correspond à aucun écran de la console.')}</p>
      <p><a href=${href('/')}>${msg('Retour au tableau de bord')}</a></p>
    `;
  }
}

AdminNotFound.define('parvis-admin-not-found');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-not-found': AdminNotFound;
  }
}
