/**
 * The mixture model for bare headlines (`eventModel: 'mixture'`): a Dirichlet-multinomial mixture over raw term
 * counts with fading events (Yin & Wang KDD 2014; MStream, Yin et al. KDD 2018), still over indexed candidates only.
 * Scores are log probabilities up to a constant shared by all choices.
 */
import type { ClusterContext, DocFeatures, EventState, RecentMember } from './state.js';

/**
 * Log probability that `d` joins event `e`: the event's size, faded by the articles since it last grew, times the
 * chance of the article's words under the event's word counts smoothed by β over the vocabulary.
 */
export function mixtureScore(ctx: ClusterContext, d: Pick<DocFeatures, 'counts'>, e: EventState, faded = true, without?: RecentMember): number {
  const { o, state } = ctx;
  const beta = o.mixtureBeta ?? 0.03;
  const vb = Math.max(1, state.df.size) * beta;
  const fade = o.mixtureFadeDocs ?? Infinity;
  // `without`: the event as it would be without that member of it (a member weighed against its own event).
  let minus = 0;
  if (without) for (const c of without.counts.values()) minus += c;
  let s = Math.log(e.n - (without ? 1 : 0)) - (faded && Number.isFinite(fade) ? (state.docs - e.grown) / fade : 0);
  let len = 0;
  for (const [t, c] of d.counts) {
    const n = Math.max(0, (e.counts.get(t) ?? 0) - (without?.counts.get(t) ?? 0));
    for (let j = 0; j < c; j++) s += Math.log(n + beta + j);
    len += c;
  }
  const words = Math.max(0, e.words - minus);
  for (let i = 0; i < len; i++) s -= Math.log(words + vb + i);
  return s;
}

/** The same for a new, empty event (prior weight α × articles seen). */
export function mixtureNewScore(ctx: ClusterContext, d: Pick<DocFeatures, 'counts'>): number {
  const { o, state } = ctx;
  const beta = o.mixtureBeta ?? 0.03;
  const vb = Math.max(1, state.df.size) * beta;
  let s = Math.log((o.mixtureAlpha ?? 0.03) * Math.max(1, state.docs));
  let len = 0;
  for (const c of d.counts.values()) {
    for (let j = 0; j < c; j++) s += Math.log(beta + j);
    len += c;
  }
  for (let i = 0; i < len; i++) s -= Math.log(vb + i);
  return s;
}

/**
 * Log-odds that two parts of an event's latest members are two events rather than one, under the mixture:
 * the parts' marginal likelihoods against the whole's, times the prior's price of one more group.
 */
export function mixtureSplitOdds(ctx: ClusterContext, members: RecentMember[], parts: [number[], number[]]): number {
  const { o, state } = ctx;
  const beta = o.mixtureBeta ?? 0.03;
  const vb = Math.max(1, state.df.size) * beta;
  const logLik = (idx: number[]): number => {
    const counts = new Map<string, number>();
    let words = 0;
    for (const i of idx) for (const [t, c] of members[i]!.counts) {
      counts.set(t, (counts.get(t) ?? 0) + c);
      words += c;
    }
    let s = 0;
    for (const c of counts.values()) for (let j = 0; j < c; j++) s += Math.log(beta + j);
    for (let i = 0; i < words; i++) s -= Math.log(vb + i);
    return s;
  };
  // log Γ(n) of a whole number, as a sum of logs.
  const logFactorial = (n: number): number => {
    let s = 0;
    for (let i = 2; i < n; i++) s += Math.log(i);
    return s;
  };
  const [a, b] = parts;
  const prior = Math.log((o.mixtureAlpha ?? 0.03) * Math.max(1, state.docs)) + logFactorial(a.length) + logFactorial(b.length) - logFactorial(a.length + b.length);
  return logLik(a) + logLik(b) - logLik([...a, ...b]) + prior;
}

/**
 * Log-odds that two live events are two rather than one under the mixture, from their word counts: the
 * Dirichlet-multinomial marginal likelihoods of each against that of their union, plus the prior's price of one
 * more group (the split test's formula, applied to whole events; closed form through log Γ).
 */
export function mixtureTwoVsOne(ctx: ClusterContext, a: EventState, b: EventState): number {
  const { o, state } = ctx;
  const beta = o.mixtureBeta ?? 0.03;
  const vb = Math.max(1, state.df.size) * beta;
  const lgBeta = logGamma(beta);
  const logLik = (counts: Map<string, number>, other?: Map<string, number>): number => {
    let s = 0;
    let words = 0;
    for (const [t, c0] of counts) {
      const c = c0 + (other?.get(t) ?? 0);
      s += logGamma(c + beta) - lgBeta;
      words += c;
    }
    if (other) {
      for (const [t, c] of other) {
        if (counts.has(t)) continue;
        s += logGamma(c + beta) - lgBeta;
        words += c;
      }
    }
    return s - (logGamma(words + vb) - logGamma(vb));
  };
  const prior = Math.log((o.mixtureAlpha ?? 0.03) * Math.max(1, state.docs)) + logGamma(a.n) + logGamma(b.n) - logGamma(a.n + b.n);
  return logLik(a.counts) + logLik(b.counts) - logLik(a.counts, b.counts) + prior;
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
