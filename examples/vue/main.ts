import { createApp } from 'vue';
import { configure } from 'parvis/client';
import PollCard from './PollCard.vue';

// Bundled into the application, the widgets do not know the Parvis server: say it once.
configure({ api: 'https://participer.ville-exemple.fr' });

createApp(PollCard, { pollId: 'parc-des-tilleuls' }).mount('#app');
