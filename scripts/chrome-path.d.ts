/** `CHROME_PATH`, else an installed Chrome or Chromium, else the one shipped in `@sparticuz/chromium`. */
export function chromePath(): Promise<string>;
/** Flags to run that browser headless on a machine without a display or a sandbox. */
export const chromeArgs: string[];
