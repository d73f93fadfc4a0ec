import regions from './regions.data.json';

/**
 * Mainland China's provinces, their prefecture-level cities and those cities' districts, by name
 * (the national statistics division list, 2022 edition). Normalised for an address form:
 * - a municipality (北京市, 天津市, 上海市, 重庆市) has one city named like itself, holding every district,
 *   which is what WeChat's address book answers for them;
 * - a county-level city governed by its province directly (济源市, 仙桃市, 石河子市 ...) is a city of
 *   its own without districts.
 * Hong Kong, Macao and Taiwan are not listed: the store ships within the mainland.
 */
export type RegionTree = Record<string, Record<string, string[]>>;

export const REGIONS: RegionTree = regions;

export type RegionField = 'province' | 'city' | 'district';

/**
 * Which part of a province / city / district triple is not in the list, or null when it is.
 * A city without districts takes any district text (WeChat may name a town there) or none.
 */
export function regionProblem(
  province: string,
  city: string,
  district: string,
  tree: RegionTree = REGIONS,
): RegionField | null {
  if (!Object.hasOwn(tree, province)) return 'province';
  const cities = tree[province]!;
  if (!Object.hasOwn(cities, city)) return 'city';
  const districts = cities[city]!;
  if (districts.length === 0) return null;
  return districts.includes(district) ? null : 'district';
}
