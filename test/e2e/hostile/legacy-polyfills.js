// Polyfills copied into a theme years ago and never removed: they replace the
// native methods unconditionally, by assignment (so enumerable), and handle
// only the common case (no `fromIndex`, no NaN, one level of nesting only).
Array.prototype.includes = function (search) {
  return this.indexOf(search) !== -1;
};
Array.prototype.flat = function () {
  return [].concat.apply([], this);
};
Array.prototype.findIndex = function (predicate) {
  for (var i = 0; i < this.length; i++) if (predicate(this[i], i, this)) return i;
  return -1;
};
Object.assign = function (target) {
  for (var i = 1; i < arguments.length; i++) {
    var source = arguments[i];
    if (source != null)
      for (var key in source) if (Object.prototype.hasOwnProperty.call(source, key)) target[key] = source[key];
  }
  return target;
};
