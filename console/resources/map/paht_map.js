/* PAHT Console live map: the page API (window.paht), popups, legend, heat map and the
 * QWebChannel bridge to Python. The drawing lives in paht_points.js.
 * Report text is data: every text node is built with textContent, never innerHTML. */
(function () {
  "use strict";

  var P = window.PahtPoints;
  var FAMILY_COLORS = P.FAMILY_COLORS;
  var OVERDUE_COLOR = P.OVERDUE_COLOR;
  var CELL = P.CELL;
  var PULSE_MS = 6000;
  var FAMILY_LABELS = ["Chờ IOC xử lý", "Đơn vị đang xử lý", "Đã xử lý / công khai",
    "Đã đóng / không tiếp nhận"];
  var TEXT = {
    overdue: "Quá hạn",
    escalation: "Đôn đốc mức ",
    escalationLegend: "Vòng tím: mức đôn đốc",
    heat: "Bản đồ nhiệt",
    heatTitle: "Bật/tắt bản đồ nhiệt",
    samePlace: " phản ánh khác tại cùng vị trí",
    cluster: " phản ánh, ",
    clusterLate: " quá hạn — bấm để phóng to"
  };
  // Status code -> label in the console's language (paht.setTexts); else the payload's label.
  var STATUSES = {};
  // The legend's text nodes and the heat button, rewritten by paht.setTexts.
  var legendSpans = [];
  var heatButton = null;
  // Row layout of the payload (console/maps/markers.py).
  var ID = 0, LAT = 1, LON = 2, STATUS = 3, OVERDUE = 4, ESCALATION = 5, CODE = 6;
  // Titles asked of Python (bridge.reportTitle), by report id; emptied when it grows big.
  var titles = new Map();
  var titleSource = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // The ids a payload packs (console/maps/markers.py `_packed`): base64 of int32s or float64s.
  function unpack(packed) {
    var text = atob(packed.b), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return packed.w === 8 ? new Float64Array(bytes.buffer) : new Int32Array(bytes.buffer);
  }

  function withTitle(id, done) {
    var title = titles.get(id);
    if (title !== undefined) {
      done(title);
    } else if (titleSource) {
      titleSource(id, function (text) {
        if (titles.size > 1000) { titles.clear(); }
        titles.set(id, String(text));
        done(String(text));
      });
    }
  }

  function details(r, extra) {
    var box = el("div", "paht-info");
    var code = box.appendChild(el("div", "paht-code", r.code));
    withTitle(r.id, function (title) {
      box.insertBefore(el("div", "paht-title", title), code.nextSibling);
    });
    var status = el("div", "paht-status", STATUSES[r.status] || r.label);
    status.style.color = FAMILY_COLORS[r.family] || FAMILY_COLORS[3];
    box.appendChild(status);
    if (r.overdue) { box.appendChild(el("div", "paht-overdue", TEXT.overdue)); }
    if (r.escalation > 0) {
      box.appendChild(el("div", "paht-escalation", TEXT.escalation + r.escalation));
    }
    if (extra > 0) { box.appendChild(el("div", "paht-more", extra + TEXT.samePlace)); }
    return box;
  }

  function addLegend(map) {
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = el("div", "paht-legend leaflet-bar");
        var colors = FAMILY_COLORS.concat([OVERDUE_COLOR]);
        legendSpans = [];
        for (var i = 0; i < colors.length; i++) {
          var line = el("div", "paht-legend-row");
          var dot = el("span", "paht-dot");
          dot.style.background = colors[i];
          line.appendChild(dot);
          legendSpans.push(line.appendChild(el("span")));
          box.appendChild(line);
        }
        var ring = el("div", "paht-legend-row");
        var ringDot = el("span", "paht-dot paht-ring");
        ring.appendChild(ringDot);
        legendSpans.push(ring.appendChild(el("span")));
        box.appendChild(ring);
        showTexts();
        return box;
      }
    });
    map.addControl(new Legend());
  }

  function addHeatButton(map, toggle) {
    var Button = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var button = el("a", "paht-heat-button leaflet-bar");
        button.href = "#";
        heatButton = button;
        showTexts();
        button.setAttribute("role", "button");
        L.DomEvent.disableClickPropagation(button);
        L.DomEvent.on(button, "click", function (ev) {
          L.DomEvent.preventDefault(ev);
          toggle();
        });
        return button;
      }
    });
    map.addControl(new Button());
  }

  function showTexts() {
    var labels = FAMILY_LABELS.concat([TEXT.overdue, TEXT.escalationLegend]);
    for (var i = 0; i < legendSpans.length; i++) { legendSpans[i].textContent = labels[i]; }
    if (heatButton) {
      heatButton.textContent = TEXT.heat;
      heatButton.title = TEXT.heatTitle;
    }
  }

  // The texts of the console's language: {families: [4], statuses: {code: label}, and TEXT's
  // keys}. The legend and the heat button change at once, popups and tooltips when next shown.
  function setTexts(texts) {
    if (typeof texts === "string") { texts = JSON.parse(texts); }
    if (texts.families) { FAMILY_LABELS = texts.families.slice(0, 4); }
    if (texts.statuses) { STATUSES = texts.statuses; }
    for (var key in TEXT) {
      if (Object.prototype.hasOwnProperty.call(texts, key)) { TEXT[key] = String(texts[key]); }
    }
    showTexts();
  }

  function legendText() {
    return legendSpans.map(function (s) { return s.textContent; })
      .concat(heatButton ? [heatButton.textContent] : []);
  }

  function init(map) {
    var crs = map.options.crs;
    var store = new P.Store(crs);
    var layer = new P.PointLayer(store);
    var bridge = null;
    var heat = null;
    var heatOn = false;
    var updates = 0;
    var popupId = null;
    var tip = L.tooltip({ direction: "top", opacity: 0.95, offset: [0, -8] });
    layer.addTo(map);

    function setMarkers(payload) {
      if (typeof payload === "string") { payload = JSON.parse(payload); }
      var rows = payload.r || [], families = payload.f || [], labels = payload.l || [];
      var codes = payload.s || [], statuses = [], i, n = 0;
      for (i = 0; i < codes.length; i++) {
        statuses.push(store.statusOf(String(codes[i]), String(labels[i]), families[i]));
      }
      var fresh = new Int32Array(rows.length);
      for (i = 0; i < rows.length; i++) {
        var row = rows[i];
        fresh[i] = store.put(row[ID], row[LAT], row[LON], statuses[row[STATUS]], row[OVERDUE],
          row[ESCALATION], row[CODE]);
        if (titles.size) { titles.delete(row[ID]); }
      }
      var shown = fresh;
      if (payload.ids) {
        var ids = unpack(payload.ids), slotOf = store.slotOf;
        shown = new Int32Array(ids.length);
        for (i = 0; i < ids.length; i++) {
          var slot = slotOf.get(ids[i]);
          if (slot !== undefined) { shown[n++] = slot; }
        }
        if (n < ids.length) { shown = shown.slice(0, n); }
      }
      layer.setShown(shown);
      if (layer.selected !== null && !shownReport(layer.selected)) { layer.selected = null; }
      if (heatOn) { heat.setLatLngs(heatPoints()); }
      updates += 1;
      if (bridge) { bridge.markersShown(shown.length); }
      return shown.length;
    }

    // Takes the marker payloads Python holds for the page, in order (MapView._encoded).
    function pull() {
      if (!bridge) { return; }
      bridge.nextPart(function (part) {
        if (part) {
          // A payload that fails must not stop the ones after it (Python waits for the end).
          try { setMarkers(part); } finally { pull(); }
        } else {
          bridge.partsApplied();
        }
      });
    }

    function shownReport(id) {
      var slot = store.slotOf.get(id), shown = layer.shown;
      if (slot === undefined) { return null; }
      for (var i = 0; i < shown.length; i++) { if (shown[i] === slot) { return store.report(slot); } }
      return null;
    }

    function heatPoints() {
      var shown = layer.shown, pts = new Array(shown.length);
      for (var i = 0; i < shown.length; i++) {
        var ll = crs.pointToLatLng(L.point(store.xs[shown[i]], store.ys[shown[i]]), 0);
        pts[i] = [ll.lat, ll.lng, store.overdue[shown[i]] ? 1 : 0.5];
      }
      return pts;
    }

    function aloneZoom(target) {
      var maxZoom = map.getMaxZoom(), shown = layer.shown, xs = store.xs, ys = store.ys;
      for (var z = Math.max(map.getZoom(), 14); z < maxZoom; z++) {
        var s = Math.pow(2, z) / CELL;
        var cx = Math.floor(target.x * s), cy = Math.floor(target.y * s), n = 0;
        for (var i = 0; i < shown.length && n < 2; i++) {
          if (Math.floor(xs[shown[i]] * s) === cx && Math.floor(ys[shown[i]] * s) === cy) { n += 1; }
        }
        if (n < 2) { return z; }
      }
      return maxZoom;
    }

    function onScreen(item) {
      var p = map.layerPointToContainerPoint(L.point(item.sx, item.sy).add(layer._topLeft));
      var size = map.getSize();
      return p.x >= 20 && p.y >= 20 && p.x <= size.x - 20 && p.y <= size.y - 20;
    }

    // A report whose own dot is already on screen is only ringed: the map does not jump
    // under the operator's mouse after a click. Otherwise the map centres on it, zoomed in
    // far enough for its cluster to open.
    function highlight(id) {
      var r = shownReport(id);
      if (popupId !== id) { map.closePopup(); }
      if (!r) {
        layer.selected = null;
        layer.redraw();
        return false;
      }
      layer.selected = id;
      var item = heatOn ? null : layer.itemFor(id);
      if (item && onScreen(item)) {
        layer.redraw();
      } else {
        map.setView([r.lat, r.lon], heatOn ? Math.max(map.getZoom(), 16) : aloneZoom(r));
        layer.redraw();
      }
      return true;
    }

    function setHeat(on) {
      on = !!on;
      if (on === heatOn) { return heatOn; }
      heatOn = on;
      if (on) {
        heat = heat || L.heatLayer([], { radius: 20, blur: 16, maxZoom: 16, minOpacity: 0.25 });
        heat.setLatLngs(heatPoints());
        heat.addTo(map);
        map.removeLayer(layer);
      } else {
        map.removeLayer(heat);
        layer.addTo(map);
      }
      map.closeTooltip(tip);
      L.DomUtil[on ? "addClass" : "removeClass"](map.getContainer(), "paht-heat-on");
      return heatOn;
    }

    function fitAll() {
      var shown = layer.shown;
      if (!shown.length) { return; }
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var i = 0; i < shown.length; i++) {
        var x = store.xs[shown[i]], y = store.ys[shown[i]];
        if (x < x0) { x0 = x; }
        if (x > x1) { x1 = x; }
        if (y < y0) { y0 = y; }
        if (y > y1) { y1 = y; }
      }
      var bounds = L.latLngBounds(crs.pointToLatLng(L.point(x0, y1), 0),
        crs.pointToLatLng(L.point(x1, y0), 0));
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    }

    function openReport(item) {
      var r = item.report;
      popupId = r.id;
      L.popup({ maxWidth: 320, offset: [0, -4] }).setLatLng([r.lat, r.lon])
        .setContent(details(r, item.same)).openOn(map);
      if (bridge) { bridge.markerClicked(r.id); }
    }

    function zoomInto(item) {
      var sw = crs.pointToLatLng(L.point(item.minX, item.maxY), 0);
      var ne = crs.pointToLatLng(L.point(item.maxX, item.minY), 0);
      var zoom = map.getBoundsZoom(L.latLngBounds(sw, ne), false, L.point(60, 60));
      var center = map.layerPointToLatLng(L.point(item.sx, item.sy).add(layer._topLeft));
      map.setView(center, Math.min(map.getMaxZoom(), Math.max(zoom, map.getZoom() + 1)));
    }

    map.on("click", function (e) {
      if (heatOn) { return; }
      var item = layer.hit(e.layerPoint);
      if (!item) { return; }
      if (item.report) { openReport(item); } else { zoomInto(item); }
    });
    map.on("mousemove", function (e) {
      if (heatOn) { return; }
      var item = layer.hit(e.layerPoint);
      map.getContainer().style.cursor = item ? "pointer" : "";
      if (!item) {
        map.closeTooltip(tip);
        return;
      }
      var content = item.report ? details(item.report, item.same)
        : el("div", "paht-info", item.count + TEXT.cluster + item.late + TEXT.clusterLate);
      tip.setLatLng(map.layerPointToLatLng(L.point(item.sx, item.sy).add(layer._topLeft)));
      tip.setContent(content);
      map.openTooltip(tip);
    });
    map.on("mouseout zoomstart", function () { map.closeTooltip(tip); });
    map.on("popupclose", function () { popupId = null; });
    // Whether the map is still panning or zooming: a marker's point is final only after.
    var moving = false;
    map.on("movestart zoomstart", function () { moving = true; });
    map.on("moveend zoomend", function () { moving = false; });

    // Reports that just arrived: an expanding ring over their dots for a few seconds.
    var pulses = new Map();
    function pulse(ids) {
      var n = 0;
      for (var i = 0; i < ids.length; i++) {
        var slot = store.slotOf.get(ids[i]);
        var r = slot === undefined ? null : store.report(slot);
        if (!r || pulses.has(r.id)) { continue; }
        var ring = L.marker([r.lat, r.lon], {
          icon: L.divIcon({
            className: "paht-pulse", iconSize: [30, 30], html: "<div class=\"paht-pulse-ring\"></div>"
          }),
          interactive: false, keyboard: false
        }).addTo(map);
        pulses.set(r.id, ring);
        setTimeout(function (id, m) {
          return function () { map.removeLayer(m); pulses.delete(id); };
        }(r.id, ring), PULSE_MS);
        n += 1;
      }
      return n;
    }

    function state() {
      var c = map.getCenter();
      return {
        count: layer.shown.length, visible: layer.drawn.length, updates: updates,
        heat: heatOn, selected: layer.selected, zoom: map.getZoom(), center: [c.lat, c.lng],
        bridge: bridge !== null, moving: moving, pulsing: Array.from(pulses.keys())
      };
    }

    function markerPoint(id) {
      var item = layer.itemFor(id);
      if (!item || heatOn) { return null; }
      var p = map.layerPointToContainerPoint(L.point(item.sx, item.sy).add(layer._topLeft));
      return [p.x, p.y];
    }

    addLegend(map);
    addHeatButton(map, function () { setHeat(!heatOn); });

    window.paht = {
      setMarkers: setMarkers,
      pull: pull,
      highlight: highlight,
      pulse: pulse,
      setHeat: setHeat,
      fitAll: fitAll,
      count: function () { return layer.shown.length; },
      state: state,
      markerPoint: markerPoint,
      setTexts: setTexts,
      legendText: legendText,
      map: map
    };

    if (typeof QWebChannel !== "undefined" && window.qt && qt.webChannelTransport) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge || null;
        titleSource = bridge ? function (id, done) { bridge.reportTitle(id, done); } : null;
        if (bridge) { bridge.pageReady(); }
      });
    }
  }

  window.pahtInit = init;
})();
