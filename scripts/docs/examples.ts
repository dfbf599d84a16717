/** The live examples of each element's page: real markup on the server's demo data. */

export interface Example {
  title: string;
  text: string;
  html: string;
  /** The seed entries the markup points at: the build fails if the demo seed lost one. */
  uses: Array<{ collection: 'polls' | 'subjects' | 'ideaBoxes' | 'budgets'; id: string }>;
}

export const EXAMPLES: Record<string, Example[]> = {
  'parvis-poll': [
    {
      title: 'A single-choice poll',
      text: 'Results show once the citizen has voted. The link inside is what people see when scripts are blocked.',
      html: `<parvis-poll poll="parc-des-tilleuls">
  <a href="/#parc">Répondre au sondage</a>
</parvis-poll>`,
      uses: [{ collection: 'polls', id: 'parc-des-tilleuls' }],
    },
    {
      title: 'Up to three answers, results always visible',
      text: 'The poll’s own settings (on the server) decide the number of answers and when results show.',
      html: `<parvis-poll poll="mobilite-centre-ville"></parvis-poll>`,
      uses: [{ collection: 'polls', id: 'mobilite-centre-ville' }],
    },
  ],
  'parvis-vote': [
    {
      title: 'Support a news item',
      text: 'The `label` names what is supported for screen readers, in a list of several news items.',
      html: `<parvis-vote subject="actu-donnees-ouvertes" label="Les données de la ville en accès libre"></parvis-vote>`,
      uses: [{ collection: 'subjects', id: 'actu-donnees-ouvertes' }],
    },
    {
      title: '“Was this page helpful?”',
      text: 'Without `subject`, the subject is this page’s canonical URL; a comment is asked for after “No”.',
      html: `<parvis-vote mode="helpful"></parvis-vote>`,
      uses: [],
    },
  ],
  'parvis-idea-box': [
    {
      title: 'An idea box',
      text: 'Citizens propose, browse, support and report ideas; the city answers them from the admin console.',
      html: `<parvis-idea-box box="idees-centre-ville" page-size="3">
  <a href="/#idees">Proposer une idée</a>
</parvis-idea-box>`,
      uses: [{ collection: 'ideaBoxes', id: 'idees-centre-ville' }],
    },
  ],
  'parvis-budget': [
    {
      title: 'A participatory budget with districts',
      text: 'The citizen chooses a district, then projects within its envelope, reviews the ballot and casts it.',
      html: `<parvis-budget budget="budget-participatif-2027">
  <a href="/#budget-participatif">Voter au budget participatif</a>
</parvis-budget>`,
      uses: [{ collection: 'budgets', id: 'budget-participatif-2027' }],
    },
  ],
};
