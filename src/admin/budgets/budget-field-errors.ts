import { msg, str } from '@lit/localize';
import type { BudgetDraft } from './budget-draft.js';

const idRule = () =>
  msg(
    'L’identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets, sans tiret au début ni à la fin (64 caractères au plus).',
  );

/** A mistake in one entry of the districts, categories or projects, said with the entry's number. */
function describeEntry(list: string, n: number, field: string, reason: string): string {
  if (list === 'districts') {
    if (field === 'envelope') return msg(str`Saisissez l’enveloppe du quartier ${n}, en euros entiers.`);
    return reason === 'too_big'
      ? msg(str`Le nom du quartier ${n} doit faire 120 caractères au plus.`)
      : msg(str`Saisissez le nom du quartier ${n}, ou retirez-le.`);
  }
  if (list === 'categories')
    return reason === 'too_big'
      ? msg(str`La catégorie ${n} doit faire 80 caractères au plus.`)
      : msg(str`Saisissez le nom de la catégorie ${n}, ou retirez-la.`);
  switch (`${field} ${reason}`) {
    case 'cost over_envelope':
      return msg(str`Le projet ${n} coûte plus que son enveloppe : il ne pourrait jamais être financé.`);
    case 'cost too_large':
      return msg(str`Le coût du projet ${n} est trop grand.`);
    case 'district required':
      return msg(str`Choisissez le quartier du projet ${n}.`);
    case 'district unknown_district':
      return msg(str`Le quartier du projet ${n} n’existe plus : choisissez-en un autre.`);
    case 'category unknown_category':
      return msg(str`La catégorie du projet ${n} n’existe plus : choisissez-en une autre.`);
  }
  switch (field) {
    // A project's id is made from its title.
    case 'id':
    case 'title':
      return reason === 'too_big'
        ? msg(str`Le titre du projet ${n} doit faire 200 caractères au plus.`)
        : msg(str`Saisissez le titre du projet ${n}, ou retirez-le.`);
    case 'summary':
      return reason === 'too_big'
        ? msg(str`Le résumé du projet ${n} doit faire 500 caractères au plus.`)
        : msg(str`Saisissez le résumé du projet ${n}.`);
    case 'description':
      return msg(str`La description du projet ${n} doit faire 5 000 caractères au plus.`);
    case 'cost':
      return msg(str`Saisissez le coût du projet ${n}, en euros entiers, plus de 0.`);
    case 'location':
      return msg(str`Le lieu du projet ${n} doit faire 200 caractères au plus.`);
    case 'imageUrl':
      return msg(
        str`L’adresse de l’image du projet ${n} doit commencer par https:// (ou par / pour une image de ce serveur).`,
      );
    case 'imageAlt':
      return msg(str`Le texte de remplacement de l’image du projet ${n} doit faire 300 caractères au plus.`);
    default:
      return msg(str`Vérifiez le projet ${n}.`);
  }
}

/** What the officer reads for a field of the budget form the contract or the server refused, and why. */
export function describeBudgetField(draft: BudgetDraft) {
  return (field: string, reason: string): string => {
    const entry = /^(districts|categories|projects)\.(\d+)\.(.+)$/.exec(field);
    if (entry) {
      const part = entry[3].replace('image.url', 'imageUrl').replace('image.alt', 'imageAlt');
      return describeEntry(entry[1], Number(entry[2]) + 1, part, reason);
    }
    switch (`${field} ${reason}`) {
      case 'id invalid_format':
        return draft.id.trim() === '' ? msg('Saisissez un identifiant.') : idRule();
      case 'id budget_exists':
        return msg('Un budget porte déjà cet identifiant : choisissez-en un autre.');
      case 'title too_small':
        return msg('Saisissez le titre du budget.');
      case 'title too_big':
        return msg('Le titre doit faire 200 caractères au plus.');
      case 'description too_big':
        return msg('La description doit faire 5 000 caractères au plus.');
      case 'districts duplicate_district_id':
        return msg('Deux quartiers se ressemblent trop : rendez leurs noms différents.');
      case 'categories duplicate_category_id':
        return msg('Deux catégories se ressemblent trop : rendez-les différentes.');
      case 'projects duplicate_project_id':
        return msg('Deux projets se ressemblent trop : rendez leurs titres différents.');
      case 'projects too_small':
        return msg('Proposez au moins un projet.');
      case 'total required':
        return msg('Saisissez l’enveloppe du budget, ou ajoutez des quartiers avec la leur.');
      case 'total too_large':
        return msg('L’enveloppe est trop grande.');
      case 'maxProjects required_for_approval':
        return msg('Avec le vote par approbation, saisissez le nombre de projets que chacun peut choisir.');
      case 'minProjects greater_than_max_projects':
        return msg('Le minimum de projets ne peut pas dépasser le maximum.');
      case 'closesAt not_after_opens_at':
        return msg('La clôture doit venir après l’ouverture.');
    }
    switch (field) {
      case 'currency':
        return msg('Saisissez le code de la monnaie en trois lettres, par exemple EUR.');
      case 'total':
        return msg('Saisissez l’enveloppe en euros entiers.');
      case 'minSpendPercent':
        return msg('Saisissez un pourcentage de 0 à 100, ou laissez le champ vide.');
      case 'minProjects':
      case 'maxProjects':
        return msg('Saisissez un nombre entier, 1 ou plus, ou laissez le champ vide.');
      case 'opensAt':
      case 'closesAt':
        return msg('Saisissez une date et une heure valides, ou laissez le champ vide.');
      default:
        return msg('Cette valeur n’est pas acceptée : vérifiez-la.');
    }
  };
}
