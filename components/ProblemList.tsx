import type { MessageError } from '../utils/messaging';

/** A plain-language error with every problem listed under it. */
export function ProblemList({ error }: { error: MessageError }) {
  return (
    <div class="problems" role="alert">
      <p class="problems-title">{error.message}</p>
      {error.problems && error.problems.length > 0 && (
        <ul>
          {error.problems.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
