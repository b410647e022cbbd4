function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The candidate a typo most likely meant, if any is close enough to be worth naming. */
function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase()
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(needle.length / 3)) + 1
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates)
  return match ? ` (did you mean "${match}"?)` : ''
}
