/**
 * JSON text of what the widgets send or keep, whatever the host page did to
 * the built-ins. Pages still running Prototype.js 1.6 give arrays a `toJSON`
 * that returns a string, and `JSON.stringify` honours it: `{ choices: ["a"] }`
 * would leave as `{"choices":"[\"a\"]"}` and be refused. The replacer puts
 * each array back as its holder has it, before `toJSON`.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, converted: unknown) {
    const original = this[key];
    return Array.isArray(original) ? original : converted;
  });
}
