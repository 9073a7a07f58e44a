// The part of madge's API (it ships no types) that test/structure/imports.test.ts uses.
declare module 'madge' {
  interface MadgeConfig {
    baseDir?: string;
    fileExtensions?: string[];
    tsConfig?: string | object;
    excludeRegExp?: RegExp[];
    detectiveOptions?: object;
  }
  interface MadgeResult {
    /** Each import cycle, as its modules' paths relative to baseDir. */
    circular(): string[][];
    /** Each module's imports, by path relative to baseDir. */
    obj(): Record<string, string[]>;
    /** Files that could not be parsed or resolved. */
    warnings(): { skipped: string[] };
  }
  function madge(path: string | string[] | object, config?: MadgeConfig): Promise<MadgeResult>;
  export default madge;
}
