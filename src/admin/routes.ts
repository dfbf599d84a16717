import { msg } from '@lit/localize';
import type { Route } from './router.js';

/**
 * Every screen of the console, in the order of the main navigation. A new
 * screen is a module that defines its element, and one line here.
 */
export const ROUTES: readonly Route[] = [
  {
    path: '/',
    tag: 'parvis-admin-dashboard',
    load: () => import('./dashboard/dashboard-screen.js'),
    nav: () => msg('Tableau de bord'),
  },
  {
    path: '/polls',
    tag: 'parvis-admin-poll-list',
    load: () => import('./polls/poll-list-screen.js'),
    nav: () => msg('Sondages'),
  },
  { path: '/polls/new', tag: 'parvis-admin-poll-form', load: () => import('./polls/poll-form-screen.js') },
  { path: '/polls/:pollId', tag: 'parvis-admin-poll', load: () => import('./polls/poll-screen.js') },
  { path: '/polls/:pollId/edit', tag: 'parvis-admin-poll-form', load: () => import('./polls/poll-form-screen.js') },
  {
    path: '/polls/:pollId/contributions',
    tag: 'parvis-admin-poll-contributions',
    load: () => import('./contributions/poll-contributions-screen.js'),
  },
  {
    path: '/idea-boxes',
    tag: 'parvis-admin-idea-box-list',
    load: () => import('./ideas/idea-box-list-screen.js'),
    nav: () => msg('Boîtes à idées'),
  },
  { path: '/idea-boxes/new', tag: 'parvis-admin-idea-box-form', load: () => import('./ideas/idea-box-form-screen.js') },
  { path: '/idea-boxes/:boxId', tag: 'parvis-admin-idea-box', load: () => import('./ideas/idea-box-screen.js') },
  {
    path: '/idea-boxes/:boxId/edit',
    tag: 'parvis-admin-idea-box-form',
    load: () => import('./ideas/idea-box-form-screen.js'),
  },
  {
    path: '/idea-boxes/:boxId/moderation',
    tag: 'parvis-admin-moderation',
    load: () => import('./ideas/moderation-screen.js'),
  },
  {
    path: '/idea-boxes/:boxId/ideas/:ideaId',
    tag: 'parvis-admin-idea',
    load: () => import('./ideas/idea-screen.js'),
  },
  {
    path: '/idea-boxes/:boxId/contributions',
    tag: 'parvis-admin-idea-contributions',
    load: () => import('./contributions/idea-contributions-screen.js'),
  },
  {
    path: '/budgets',
    tag: 'parvis-admin-budget-list',
    load: () => import('./budgets/budget-list-screen.js'),
    nav: () => msg('Budgets participatifs'),
  },
  { path: '/budgets/new', tag: 'parvis-admin-budget-form', load: () => import('./budgets/budget-form-screen.js') },
  { path: '/budgets/:budgetId', tag: 'parvis-admin-budget', load: () => import('./budgets/budget-screen.js') },
  {
    path: '/budgets/:budgetId/edit',
    tag: 'parvis-admin-budget-form',
    load: () => import('./budgets/budget-form-screen.js'),
  },
  {
    path: '/budgets/:budgetId/contributions',
    tag: 'parvis-admin-budget-contributions',
    load: () => import('./contributions/budget-contributions-screen.js'),
  },
  {
    path: '/subjects',
    tag: 'parvis-admin-subject-list',
    load: () => import('./subjects/subject-list-screen.js'),
    nav: () => msg('Boutons de vote'),
  },
  { path: '/subjects/new', tag: 'parvis-admin-subject-form', load: () => import('./subjects/subject-form-screen.js') },
  { path: '/subjects/:subjectId', tag: 'parvis-admin-subject', load: () => import('./subjects/subject-screen.js') },
  {
    path: '/contributions',
    tag: 'parvis-admin-contributions',
    load: () => import('./contributions/contributions-screen.js'),
    nav: () => msg('Contributions hors web'),
  },
  {
    path: '/snippet',
    tag: 'parvis-admin-snippet',
    load: () => import('./snippet/snippet-screen.js'),
    nav: () => msg('Intégrer un widget'),
  },
];
