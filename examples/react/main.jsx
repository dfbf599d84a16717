import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from 'parvis/client';
import { PollCard } from './PollCard.jsx';

// Bundled into the application, the widgets do not know the Parvis server: say it once.
configure({ api: 'https://participer.ville-exemple.fr' });

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <PollCard pollId="parc-des-tilleuls" onVoted={(detail) => console.info('Voted', detail.choices)} />
  </StrictMode>,
);
