// Mounts the React example as an application would, in a root of its own.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PollCard } from '../../../examples/react/PollCard.jsx';

export function renderPollCard(container, props) {
  const root = createRoot(container);
  flushSync(() => root.render(<PollCard {...props} />));
  return root;
}
