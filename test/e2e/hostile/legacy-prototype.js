// What Prototype.js 1.6 did to the built-ins of every page that loaded it, and
// what such pages still run: methods added to Array.prototype by assignment
// (so enumerable), Enumerable's versions of map, filter, find, some, every and
// entries put over the native ones, an Array#toJSON returning a string (which
// JSON.stringify honours), Array.from replaced by $A (no map function, and
// nothing out of iterables without a length), and window.Element replaced.
(function () {
  var $break = {};

  function $A(iterable) {
    if (!iterable) return [];
    if (iterable.toArray) return iterable.toArray();
    var length = iterable.length || 0;
    var results = new Array(length);
    while (length--) results[length] = iterable[length];
    return results;
  }

  function toJSON(object) {
    if (object === undefined || typeof object === 'function') return undefined;
    if (object === null) return 'null';
    if (typeof object.toJSON === 'function') return object.toJSON();
    if (typeof object === 'string') return '"' + object.replace(/["\\]/g, '\\$&') + '"';
    if (typeof object !== 'object') return String(object);
    var results = [];
    for (var property in object) {
      var value = toJSON(object[property]);
      if (value !== undefined) results.push(toJSON(property) + ': ' + value);
    }
    return '{' + results.join(', ') + '}';
  }
  Object.toJSON = toJSON;

  var Enumerable = {
    each: function (iterator, context) {
      var index = 0;
      try {
        this._each(function (value) {
          iterator.call(context, value, index++);
        });
      } catch (e) {
        if (e !== $break) throw e;
      }
      return this;
    },
    all: function (iterator, context) {
      var result = true;
      this.each(function (value, index) {
        result = result && !!(iterator || Boolean).call(context, value, index);
        if (!result) throw $break;
      });
      return result;
    },
    any: function (iterator, context) {
      var result = false;
      this.each(function (value, index) {
        if ((result = !!(iterator || Boolean).call(context, value, index))) throw $break;
      });
      return result;
    },
    collect: function (iterator, context) {
      var results = [];
      this.each(function (value, index) {
        results.push(iterator ? iterator.call(context, value, index) : value);
      });
      return results;
    },
    detect: function (iterator, context) {
      var result;
      this.each(function (value, index) {
        if (iterator.call(context, value, index)) {
          result = value;
          throw $break;
        }
      });
      return result;
    },
    findAll: function (iterator, context) {
      var results = [];
      this.each(function (value, index) {
        if (iterator.call(context, value, index)) results.push(value);
      });
      return results;
    },
    include: function (object) {
      return this.indexOf(object) != -1;
    },
    toArray: function () {
      return this.collect();
    },
  };
  Enumerable.map = Enumerable.collect;
  Enumerable.find = Enumerable.detect;
  Enumerable.filter = Enumerable.select = Enumerable.findAll;
  Enumerable.every = Enumerable.all;
  Enumerable.some = Enumerable.any;
  Enumerable.member = Enumerable.include;
  Enumerable.entries = Enumerable.toArray;

  var extensions = {
    _each: Array.prototype.forEach,
    first: function () {
      return this[0];
    },
    last: function () {
      return this[this.length - 1];
    },
    compact: function () {
      return this.select(function (value) {
        return value != null;
      });
    },
    without: function () {
      var values = $A(arguments);
      return this.select(function (value) {
        return !values.include(value);
      });
    },
    uniq: function () {
      var results = [];
      this.each(function (value) {
        if (!results.include(value)) results.push(value);
      });
      return results;
    },
    clone: function () {
      return [].concat(this);
    },
    size: function () {
      return this.length;
    },
    inspect: function () {
      return '[' + this.map(String).join(', ') + ']';
    },
    toJSON: function () {
      var results = [];
      this.each(function (object) {
        var value = toJSON(object);
        if (value !== undefined) results.push(value);
      });
      return '[' + results.join(', ') + ']';
    },
  };
  extensions.toArray = extensions.clone;

  // Object.extend: plain assignment, so every one of these shows up in for…in over any array.
  var name;
  for (name in Enumerable) Array.prototype[name] = Enumerable[name];
  for (name in extensions) Array.prototype[name] = extensions[name];
  Array.from = $A;

  var NativeElement = window.Element;
  window.Element = function (tagName, attributes) {
    var element = document.createElement(tagName);
    for (var attribute in attributes || {}) element.setAttribute(attribute, attributes[attribute]);
    return element;
  };
  window.Element.prototype = NativeElement.prototype;
})();
