/* PAHT Console video wall map: dots coloured by status, overdue ones ringed in red, new ones
 * pulsing. The page holds no text about a report: rows are [id, lat, lon, status, overdue].
 * It runs for days: markers are kept in one Map by id (updated in place, removed when gone),
 * and pulse rings are drawn on a canvas of their own, frame by frame, and removed at the end:
 * a DOM element with a CSS animation per pulse grew the renderer by about 6 MB an hour
 * (`python -m benchmarks wall`), a canvas ring leaves nothing behind.
 * window.pahtWall: pull(), setScale(s), fitCity(), state(). */
(function () {
  "use strict";

  var ID = 0, LAT = 1, LON = 2, STATUS = 3, OVERDUE = 4;
  // Three expanding rings in a row, then the pulse ends.
  var PULSE_MS = 4500, RING_MS = 1500, PULSE_COLOR = "#e3fafc";
  var RADIUS = 8, OUTLINE = 1.5, RING = 4, PULSE_SIZE = 64;
  // Colour groups, in the legend's order; status codes of console/domain/model.py.
  var GROUPS = [
    { color: "#3bc9db", label: "Phản ánh mới", codes: ["new"] },
    { color: "#fcc419", label: "Đang xử lý",
      codes: ["accepted", "assigned", "in_progress", "reopened"] },
    { color: "#da77f2", label: "Xin gia hạn / trả lại", codes: ["extension_requested", "returned"] },
    { color: "#69db7c", label: "Đã xử lý / công khai",
      codes: ["resolved", "published", "closed", "rejected"] }
  ];
  var OTHER_COLOR = "#adb5bd";
  var OVERDUE_COLOR = "#ff3b30";
  var OVERDUE_LABEL = "Quá hạn";
  var BACKDROP = "#0b1320";
  var colorOf = {};
  GROUPS.forEach(function (g) { g.codes.forEach(function (c) { colorOf[c] = g.color; }); });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function init(map, cityBounds) {
    var scale = 1;
    var renderer = L.canvas({ padding: 0.2 });
    var pulsePane = map.createPane("pahtWallPulse");
    pulsePane.style.zIndex = 450;
    pulsePane.style.pointerEvents = "none";
    var pulseRenderer = L.canvas({ pane: "pahtWallPulse", padding: 0.2 });
    var pulseLayer = L.layerGroup().addTo(map);
    var animating = false;
    var dots = new Map();  // id -> {layer, row}
    var pulses = new Map();  // id -> {ring, began}
    var bridge = null;
    var updates = 0;

    function style(row) {
      var late = row[OVERDUE] === 1;
      return {
        renderer: renderer, interactive: false,
        radius: (RADIUS + (late ? RING / 2 : 0)) * scale,
        fillColor: colorOf[row[STATUS]] || OTHER_COLOR, fillOpacity: 1,
        color: late ? OVERDUE_COLOR : BACKDROP, opacity: 1,
        weight: (late ? RING : OUTLINE) * scale
      };
    }

    function sameRow(a, b) {
      return a[LAT] === b[LAT] && a[LON] === b[LON] && a[STATUS] === b[STATUS] &&
        a[OVERDUE] === b[OVERDUE];
    }

    // Rows new or changed since the last call, and the ids no longer shown.
    function applyMarkers(rows, removed, fit) {
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], id = row[ID], dot = dots.get(id);
        if (!dot) {
          dots.set(id, { layer: L.circleMarker([row[LAT], row[LON]], style(row)).addTo(map), row: row });
        } else if (!sameRow(dot.row, row)) {
          dot.layer.setLatLng([row[LAT], row[LON]]);
          dot.layer.setStyle(style(row));
          dot.row = row;
        }
      }
      for (var j = 0; j < removed.length; j++) {
        var gone = dots.get(removed[j]);
        if (gone) {
          map.removeLayer(gone.layer);
          dots.delete(removed[j]);
          endPulse(removed[j]);
        }
      }
      updates += 1;
      if (fit) { fitCity(); }
      return dots.size;
    }

    function endPulse(id) {
      var p = pulses.get(id);
      if (!p) { return; }
      pulseLayer.removeLayer(p.ring);
      pulses.delete(id);
    }

    // One frame of every pulse: radius and opacity from the time since it began. Python hears
    // of a pulse() call's ids once their rings were first drawn.
    function frame(now) {
      var drawn = [];
      pulses.forEach(function (p, id) {
        if (p.began === null) { p.began = now; drawn.push(id); }
        var age = now - p.began;
        if (age >= PULSE_MS) { endPulse(id); return; }
        var k = (age % RING_MS) / RING_MS;
        p.ring.setRadius(PULSE_SIZE * scale * (0.125 + 0.375 * k));
        p.ring.setStyle({ opacity: 1 - k });
      });
      if (drawn.length && bridge) { bridge.pulseStarted(drawn); }
      animating = pulses.size > 0;
      if (animating) { requestAnimationFrame(frame); }
    }

    function pulse(ids) {
      var n = 0;
      for (var i = 0; i < ids.length; i++) {
        var id = ids[i], dot = dots.get(id);
        if (!dot || pulses.has(id)) { continue; }
        var ring = L.circleMarker(dot.layer.getLatLng(), {
          renderer: pulseRenderer, interactive: false, fill: false,
          color: PULSE_COLOR, weight: 5 * scale, opacity: 1, radius: PULSE_SIZE * scale / 8
        });
        pulseLayer.addLayer(ring);
        pulses.set(id, { ring: ring, began: null });
        n += 1;
      }
      if (n && !animating) {
        animating = true;
        requestAnimationFrame(frame);
      }
      return n;
    }

    // Takes what Python's feed holds (console/maps/wall_page.py WallFeed): rows, then pulses.
    function pull() {
      if (!bridge) { return; }
      bridge.take(function (text) {
        var feed = JSON.parse(text);
        if (feed.set.length || feed.remove.length || feed.fit) {
          applyMarkers(feed.set, feed.remove, feed.fit);
        }
        if (feed.pulse.length) { pulse(feed.pulse); }
      });
    }

    function setScale(s) {
      scale = s > 0 ? s : 1;
      map.getContainer().style.setProperty("--wall-scale", String(scale));
      dots.forEach(function (dot) { dot.layer.setStyle(style(dot.row)); });
      return scale;
    }

    function fitCity() {
      map.fitBounds(cityBounds, { padding: [20, 20], animate: false });
    }

    function addLegend() {
      var Legend = L.Control.extend({
        options: { position: "bottomleft" },
        onAdd: function () {
          var box = el("div", "paht-wall-legend");
          GROUPS.forEach(function (g) {
            var line = box.appendChild(el("div", "paht-wall-legend-row"));
            line.appendChild(el("span", "paht-wall-dot")).style.background = g.color;
            line.appendChild(el("span", "paht-wall-legend-text", g.label));
          });
          var late = box.appendChild(el("div", "paht-wall-legend-row"));
          late.appendChild(el("span", "paht-wall-dot paht-wall-ring"));
          late.appendChild(el("span", "paht-wall-legend-text", OVERDUE_LABEL));
          return box;
        }
      });
      map.addControl(new Legend());
    }

    function state() {
      var c = map.getCenter(), r = 0;
      dots.forEach(function (dot) { r = Math.max(r, dot.layer.getRadius()); });
      return {
        count: dots.size, updates: updates, scale: scale, zoom: map.getZoom(),
        center: [c.lat, c.lng], pulsing: Array.from(pulses.keys()), maxRadius: r,
        bridge: bridge !== null, layers: Object.keys(map._layers).length,
        pulseNodes: pulseLayer.getLayers().length
      };
    }

    function point(id) {
      var dot = dots.get(id);
      if (!dot) { return null; }
      var p = map.latLngToContainerPoint(dot.layer.getLatLng());
      return [p.x, p.y];
    }

    addLegend();
    setScale(1);
    fitCity();
    map.getContainer().classList.add("paht-wall");

    window.pahtWall = {
      pull: pull, setScale: setScale, fitCity: fitCity,
      state: state, point: point, canvas: function () { return renderer._container; }, map: map
    };

    if (typeof QWebChannel !== "undefined" && window.qt && qt.webChannelTransport) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge || null;
        if (bridge) { bridge.pageReady(); }
      });
    }
  }

  window.pahtWallInit = init;
})();
