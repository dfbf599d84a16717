import { useState } from 'react';
// Defines <parvis-poll> before React first renders it, so that React 19 sets
// `timeout` as a property (it does so for any name the element knows).
import 'parvis/poll';

/**
 * A Parvis poll in a React component. React 19 passes properties to custom
 * elements and listens to their events: `onparvis-voted` listens to
 * `parvis-voted`, with the event's own name.
 */
export function PollCard({ pollId, onVoted }) {
  const [chosen, setChosen] = useState(null);
  const [failure, setFailure] = useState(null);

  // `detail` holds the accepted choices and the poll as the server now has it.
  function handleVoted(event) {
    const { choices, poll } = event.detail;
    setChosen(poll.options.filter((option) => choices.includes(option.id)).map((option) => option.label));
    setFailure(null);
    onVoted?.(event.detail);
  }

  return (
    <section className="poll-card">
      <parvis-poll
        poll={pollId}
        timeout={8000}
        onparvis-voted={handleVoted}
        onparvis-error={(event) => setFailure(event.detail.code)}
      >
        <a href={`https://www.ville-exemple.fr/participer/${pollId}`}>Répondre au sondage</a>
      </parvis-poll>
      {chosen && <p className="poll-card-chosen">Vous avez choisi : {chosen.join(', ')}.</p>}
      {failure && <p className="poll-card-failure">Le sondage n’a pas répondu ({failure}).</p>}
    </section>
  );
}
