/**
 * @internal `make`, remembering its answers for up to `limit` keys (then starting afresh): for
 * texts that repeat across many items, such as a stage's deadline or a role's name with its
 * article.
 */
export function remembered<K, V>(make: (key: K) => V, limit: number): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = make(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
