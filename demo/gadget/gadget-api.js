// What a gadget host puts in a gadget's iframe before the gadget's own content (the part of
// Shindig's `gadgets.*` features, protocol brief §11.1–§11.2, that cc-elements uses):
//   gadgets.Prefs             the gadget's preferences: its UserPrefs and the hidden prefs the
//                             Finesse desktop adds (id, authorization, host, …), which finesse.js
//                             gadgets read into finesse.gadget.Config
//   gadgets.HubSettings       `onConnect` is called once the container has connected the gadget
//   gadgets.window            adjustHeight (dynamic-height) and setTitle (settitle)
//   gadgets.util              registerOnLoadHandler
// The container (container.ts) writes the prefs as JSON in <script id="gadget-prefs"> just before
// this script and talks to it with postMessage, as gadgets.rpc does. A classic script on purpose:
// it must define `gadgets` before the gadget's inline scripts run.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gadget-prefs').textContent);
  var prefs = data.prefs;
  var containerOrigin = data.containerOrigin;
  var gadgetId = data.gadgetId;

  function send(type, payload) {
    window.parent.postMessage({ gadgetId: gadgetId, type: type, payload: payload }, containerOrigin);
  }

  /** gadgets.Prefs: read-only here ("setprefs" would ask the container to store a change). */
  function Prefs() {}
  Prefs.prototype.getString = function (name) {
    var value = prefs[name];
    return value === undefined || value === null ? '' : String(value);
  };
  Prefs.prototype.getInt = function (name) {
    var value = parseInt(this.getString(name), 10);
    return isNaN(value) ? 0 : value;
  };
  Prefs.prototype.getBool = function (name) {
    var value = this.getString(name).toLowerCase();
    return value === 'true' || value === '1';
  };
  Prefs.prototype.getLang = function () {
    return this.getString('language') || 'en';
  };
  Prefs.prototype.getCountry = function () {
    return this.getString('country') || 'US';
  };
  Prefs.prototype.set = function (name, value) {
    prefs[name] = String(value);
    send('set_pref', { name: name, value: String(value) });
  };

  var onLoadHandlers = [];
  window.gadgets = {
    Prefs: Prefs,
    HubSettings: {},
    window: {
      adjustHeight: function (height) {
        // The content's own height (the document's scrollHeight never drops below the frame's).
        var style = window.getComputedStyle(document.body);
        var measured =
          typeof height === 'number' ? height : document.body.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        send('resize_iframe', { height: Math.ceil(measured) });
      },
      setTitle: function (title) {
        send('set_title', { title: String(title) });
      },
    },
    util: {
      registerOnLoadHandler: function (handler) {
        onLoadHandlers.push(handler);
      },
    },
  };

  window.addEventListener('load', function () {
    onLoadHandlers.forEach(function (handler) {
      handler();
    });
  });
  // The container connects the gadget to its hub; then the gadget's onConnect runs (pubsub-2).
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== containerOrigin) return;
    if (!event.data || event.data.type !== 'hub_connect') return;
    if (typeof window.gadgets.HubSettings.onConnect === 'function') window.gadgets.HubSettings.onConnect();
  });
})();
