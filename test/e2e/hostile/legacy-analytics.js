// An analytics tag of the kind many city sites carry: it times every request
// through its own fetch, copying the headers into a plain object on the way
// (a Headers object comes out empty) and adding its CSRF header to the site's
// own requests; and it wraps JSON.stringify and JSON.parse to count payloads.
(function () {
  var measures = (window.cityAnalytics = []);
  var nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : input.url;
    var headers = Object.assign({}, init && init.headers);
    if (new URL(url, location.href).origin === location.origin) headers['X-CSRF-Token'] = 'a1b2c3';
    var started = Date.now();
    return nativeFetch.call(window, input, Object.assign({}, init, { headers: headers })).then(function (response) {
      measures.push({ url: url, status: response.status, ms: Date.now() - started });
      return response;
    });
  };

  var stringify = JSON.stringify;
  var parse = JSON.parse;
  JSON.stringify = function (value, replacer, space) {
    var text = stringify.call(JSON, value, replacer, space);
    measures.push({ stringified: text ? text.length : 0 });
    return text;
  };
  JSON.parse = function (text, reviver) {
    measures.push({ parsed: String(text).length });
    return parse.call(JSON, text, reviver);
  };
})();
