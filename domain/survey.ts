// Survey scoring on the 0-10 NPS scale.
type NpsCategory = 'detractor' | 'passive' | 'promoter';

function npsCategory(score: number): NpsCategory {
  if (score <= 6) return 'detractor';
  if (score <= 8) return 'passive';
  return 'promoter';
}

export function isLowScore(score: number): boolean {
  return npsCategory(score) === 'detractor';
}
