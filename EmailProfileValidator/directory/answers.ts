/** Distinct questions remembered; a form sees a few dozen, so the oldest go long before memory matters. */
export const CACHE_SIZE = 300;
/** After a failure the same question is asked again no sooner than this, doubling each time up to the cap. */
export const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;

/** What one asking produced: an answer to keep, or one to give for now while the directory is failing. */
export interface IOutcome<T> {
  answer: T;
  failed: boolean;
}

/** Least recently used out: a Map keeps insertion order, and a hit moves to the back. */
class RecentAnswers<T> {
  private readonly answers = new Map<string, Promise<T>>();

  public get(key: string): Promise<T> | undefined {
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  public set(key: string, answer: Promise<T>): void {
    this.answers.delete(key);
    this.answers.set(key, answer);
    const oldest = this.answers.keys().next();
    if (this.answers.size > CACHE_SIZE && !oldest.done) this.answers.delete(oldest.value);
  }

  public delete(key: string): void {
    this.answers.delete(key);
  }
}

interface IFailure<T> {
  count: number;
  retryAt: number;
  answer: T;
}

/**
 * Remembers each question's answer; a failure is not kept, and the same question is asked again only after a
 * back-off that doubles. The promise it returns never rejects: anything that goes wrong is `unknown`.
 */
export function rememberAnswers<T>(unknown: T, now: () => number): (key: string, ask: () => Promise<IOutcome<T>>) => Promise<T> {
  const answers = new RecentAnswers<T>();
  const failures = new Map<string, IFailure<T>>();
  return (key, ask) => {
    const cached = answers.get(key);
    if (cached) return cached;
    const failure = failures.get(key);
    if (failure && now() < failure.retryAt) return Promise.resolve(failure.answer);
    const answer = Promise.resolve()
      .then(ask)
      .catch((): IOutcome<T> => ({ answer: unknown, failed: true }))
      .then(({ answer: given, failed }) => {
        if (!failed) {
          failures.delete(key);
          return given;
        }
        answers.delete(key);
        const count = (failure?.count ?? 0) + 1;
        failures.set(key, { count, retryAt: now() + Math.min(FIRST_RETRY_MS * 2 ** (count - 1), MAX_RETRY_MS), answer: given });
        return given;
      });
    answers.set(key, answer);
    return answer;
  };
}
