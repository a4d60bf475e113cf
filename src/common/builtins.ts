// The engine's built-in objects as they stood, so that what a library replaces in them for the whole process can be
// put back (pdf.js's legacy build, the one for Node 20, swaps JSON.parse, JSON.stringify and Array.prototype.push
// for core-js polyfills written in JavaScript, several times slower), and a test can tell that nothing replaced one.

/** The built-in objects whose properties are watched, by name. */
const BUILTIN_OBJECTS: readonly (readonly [string, object])[] = [
  ["JSON", JSON],
  ["Object", Object],
  ["Object.prototype", Object.prototype],
  ["Array", Array],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String", String],
  ["String.prototype", String.prototype],
  ["Number", Number],
  ["Number.prototype", Number.prototype],
  ["Math", Math],
  ["Promise", Promise],
  ["Promise.prototype", Promise.prototype],
  ["Map", Map],
  ["Map.prototype", Map.prototype],
  ["Set", Set],
  ["Set.prototype", Set.prototype],
  ["WeakMap.prototype", WeakMap.prototype],
  ["RegExp.prototype", RegExp.prototype],
  ["Date.prototype", Date.prototype],
  ["Reflect", Reflect],
  ["Symbol", Symbol],
  ["TypedArray", Object.getPrototypeOf(Uint8Array) as object],
  ["TypedArray.prototype", Object.getPrototypeOf(Uint8Array.prototype) as object],
  ["ArrayBuffer.prototype", ArrayBuffer.prototype],
];

/** Every property of the watched objects, as it stood when taken. */
export type BuiltinsSnapshot = readonly (readonly [string, object, Map<PropertyKey, PropertyDescriptor>])[];

export function snapshotBuiltins(): BuiltinsSnapshot {
  return BUILTIN_OBJECTS.map(([name, target]) => {
    const properties = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) properties.set(key, Object.getOwnPropertyDescriptor(target, key)!);
    return [name, target, properties] as const;
  });
}

/** Calls `visit` for every property of the snapshot that now holds another value or accessor. */
function eachReplaced(
  snapshot: BuiltinsSnapshot,
  visit: (name: string, target: object, key: PropertyKey, was: PropertyDescriptor) => void,
): void {
  for (const [name, target, properties] of snapshot)
    for (const [key, was] of properties) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      // Object.is: Number.NaN stays NaN, which is not === itself.
      if (now && (!Object.is(now.value, was.value) || now.get !== was.get || now.set !== was.set))
        visit(name, target, key, was);
    }
}

/** The properties replaced since `snapshot` was taken (`JSON.parse`, `Array.prototype.push`); added ones are not. */
export function replacedBuiltins(snapshot: BuiltinsSnapshot): string[] {
  const replaced: string[] = [];
  eachReplaced(snapshot, (name, _target, key) => replaced.push(`${name}.${String(key)}`));
  return replaced;
}

/** Puts back every property replaced since `snapshot` was taken; what was added stays. */
export function restoreBuiltins(snapshot: BuiltinsSnapshot): void {
  eachReplaced(snapshot, (_name, target, key, was) => Object.defineProperty(target, key, was));
}
