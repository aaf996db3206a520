/** pinyin-pro's word list, which the package ships (and exports under dist/) without types. */
declare module "pinyin-pro/dist/esm/data/patterns.mjs" {
  export const PatternsNormal: readonly { zh: string; pinyin: string; probability: number; length: number; priority: number }[];
}
