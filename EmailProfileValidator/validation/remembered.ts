/**
 * A pure function of a string, with its last answers kept: settings and the suffixes built from them
 * repeat on every keystroke. A handful of keys is all a form has, so a full table simply starts over.
 */
export function remembered<T>(compute: (key: string) => T, size = 64): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as T;
    const answer = compute(key);
    if (answers.size >= size) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
