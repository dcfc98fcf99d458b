/* PAHT Console live map: report dots and clusters drawn on one canvas, binned into a
 * screen grid on every view change (milliseconds for 200,000 reports; Leaflet.markercluster
 * needed 7 to 21 s to re-cluster them after a filter change). Loaded before paht_map.js. */
(function () {
  "use strict";

  var FAMILY_COLORS = ["#1c64d6", "#f08c00", "#2b9348", "#868e96"];
  var OVERDUE_COLOR = "#d62828";
  var RING_COLOR = "#6a1b9a";
  var HALO_COLOR = "#ffc400";
  var CELL = 56;           // clustering grid, in screen pixels
  var PAD = 0.25;          // share of the view drawn beyond each edge, so panning shows dots
  var MARKER_R = 7;

  function drawMarker(ctx, x, y, r, selected) {
    if (r.escalation > 0) {
      ctx.beginPath();
      ctx.arc(x, y, MARKER_R + 1 + r.escalation, 0, 2 * Math.PI);
      ctx.fillStyle = RING_COLOR;
      ctx.fill();
    }
    ctx.beginPath();
    ctx.arc(x, y, MARKER_R, 0, 2 * Math.PI);
    ctx.fillStyle = r.overdue ? OVERDUE_COLOR : FAMILY_COLORS[r.family] || FAMILY_COLORS[3];
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke();
    if (selected) {
      ctx.beginPath();
      ctx.arc(x, y, MARKER_R + 8, 0, 2 * Math.PI);
      ctx.lineWidth = 4;
      ctx.strokeStyle = HALO_COLOR;
      ctx.stroke();
    }
  }

  function clusterRadius(count) {
    return count < 10 ? 14 : count < 100 ? 17 : count < 1000 ? 20 : count < 10000 ? 23 : 26;
  }

  function drawCluster(ctx, c) {
    var radius = clusterRadius(c.count);
    ctx.beginPath();
    ctx.arc(c.sx, c.sy, radius + 4, 0, 2 * Math.PI);
    // The ring reddens with the share of overdue reports inside.
    ctx.fillStyle = c.late > 0 ? "rgba(214,40,40," + (0.25 + 0.65 * c.late / c.count).toFixed(2) + ")"
      : "rgba(52,73,94,0.35)";
    ctx.fill();
    ctx.beginPath();
    ctx.arc(c.sx, c.sy, radius, 0, 2 * Math.PI);
    ctx.fillStyle = "#283a4d";
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.fillText(String(c.count), c.sx, c.sy);
  }

  // Every report the page has been sent, one column per field: a million reports as
  // objects held 750 MB in the renderer, as typed arrays a tenth of that. Titles are
  // asked for when shown (paht_map.js `withTitle`): they were most of what remained.
  function Store(crs) {
    this.crs = crs;
    this.n = 0;
    this.slotOf = new Map();
    this._grow(1024);
    this.codes = [];
    this.statusIndex = new Map();
    this.statusCodes = [];
    this.statusLabels = [];
    this.statusFamilies = [];
  }
  Store.prototype._grow = function (cap) {
    function bigger(Type, old) {
      var a = new Type(cap);
      if (old) { a.set(old); }
      return a;
    }
    this.ids = bigger(Float64Array, this.ids);
    this.xs = bigger(Float64Array, this.xs);
    this.ys = bigger(Float64Array, this.ys);
    this.status = bigger(Uint16Array, this.status);
    this.overdue = bigger(Uint8Array, this.overdue);
    this.escalation = bigger(Uint8Array, this.escalation);
    this.cap = cap;
  };
  // The page-wide index of a payload's status (payloads number their statuses afresh).
  Store.prototype.statusOf = function (code, label, family) {
    var i = this.statusIndex.get(code);
    if (i === undefined) {
      i = this.statusCodes.length;
      this.statusIndex.set(code, i);
      this.statusCodes.push(code);
      this.statusLabels.push(label);
      this.statusFamilies.push(family);
    }
    return i;
  };
  Store.prototype.put = function (id, lat, lon, status, overdue, escalation, code) {
    var slot = this.slotOf.get(id);
    if (slot === undefined) {
      if (this.n === this.cap) { this._grow(this.cap * 2); }
      slot = this.n++;
      this.slotOf.set(id, slot);
    }
    var p = this.crs.latLngToPoint(L.latLng(lat, lon), 0);
    this.ids[slot] = id;
    this.xs[slot] = p.x;
    this.ys[slot] = p.y;
    this.status[slot] = status;
    this.overdue[slot] = overdue ? 1 : 0;
    this.escalation[slot] = Math.max(0, Math.min(3, escalation | 0));
    this.codes[slot] = String(code);
    return slot;
  };
  // One report as an object, made only for the few the operator looks at.
  Store.prototype.report = function (slot) {
    var ll = this.crs.pointToLatLng(L.point(this.xs[slot], this.ys[slot]), 0);
    var st = this.status[slot];
    return {
      slot: slot, id: this.ids[slot], lat: ll.lat, lng: ll.lng, lon: ll.lng,
      x: this.xs[slot], y: this.ys[slot], family: this.statusFamilies[st],
      overdue: this.overdue[slot], escalation: this.escalation[slot],
      code: this.codes[slot],
      label: this.statusLabels[st], status: this.statusCodes[st]
    };
  };

  var PointLayer = L.Layer.extend({
    initialize: function (store) {
      this.store = store;
      // The slots of the reports shown.
      this.shown = new Int32Array(0);
      this.drawn = [];
      this.selected = null;
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "paht-canvas leaflet-zoom-hide");
      map.getPane("overlayPane").appendChild(this._canvas);
      map.on("moveend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      map.off("moveend resize viewreset", this.redraw, this);
      L.DomUtil.remove(this._canvas);
      this.drawn = [];
    },
    setShown: function (slots) {
      this.shown = slots;
      this.redraw();
    },
    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var size = map.getSize();
      var pad = size.multiplyBy(PAD).round();
      var full = size.add(pad.multiplyBy(2));
      var topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
      var origin = map.getPixelOrigin().add(topLeft);
      var dpr = window.devicePixelRatio || 1;
      var canvas = this._canvas;
      canvas.width = Math.round(full.x * dpr);
      canvas.height = Math.round(full.y * dpr);
      canvas.style.width = full.x + "px";
      canvas.style.height = full.y + "px";
      L.DomUtil.setPosition(canvas, topLeft);
      this._topLeft = topLeft;
      var ctx = canvas.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, full.x, full.y);
      this.drawn = this._bin(map, origin, full);
      ctx.font = "bold 12px sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      var lateMarkers = [], selectedItem = null, i, item;
      for (i = 0; i < this.drawn.length; i++) {
        item = this.drawn[i];
        if (item.report === null) {
          drawCluster(ctx, item);
        } else if (item.report.id === this.selected) {
          selectedItem = item;
        } else if (item.report.overdue || item.report.escalation > 0) {
          lateMarkers.push(item);
        } else {
          drawMarker(ctx, item.sx, item.sy, item.report, false);
        }
      }
      for (i = 0; i < lateMarkers.length; i++) {
        drawMarker(ctx, lateMarkers[i].sx, lateMarkers[i].sy, lateMarkers[i].report, false);
      }
      if (selectedItem) { drawMarker(ctx, selectedItem.sx, selectedItem.sy, selectedItem.report, true); }
    },
    _bin: function (map, origin, full) {
      var zoom = map.getZoom();
      var scale = Math.pow(2, zoom);
      var cluster = zoom < map.getMaxZoom();
      var x0 = Math.floor(origin.x / CELL) * CELL, y0 = Math.floor(origin.y / CELL) * CELL;
      var x1 = Math.ceil((origin.x + full.x) / CELL) * CELL;
      var y1 = Math.ceil((origin.y + full.y) / CELL) * CELL;
      var cells = new Map(), items = [], shown = this.shown, store = this.store;
      var xs = store.xs, ys = store.ys, late = store.overdue;
      var cols = Math.round((x1 - x0) / CELL) + 1;
      for (var i = 0; i < shown.length; i++) {
        var s = shown[i], x = xs[s], y = ys[s];
        var gx = x * scale, gy = y * scale;
        if (gx < x0 || gx >= x1 || gy < y0 || gy >= y1) { continue; }
        var key = cluster ? Math.floor((gy - y0) / CELL) * cols + Math.floor((gx - x0) / CELL) : i;
        var c = cells.get(key);
        if (c === undefined) {
          c = { count: 0, late: 0, gx: 0, gy: 0, minX: x, minY: y, maxX: x, maxY: y,
            first: s, same: 0 };
          cells.set(key, c);
          items.push(c);
        }
        c.count += 1;
        c.late += late[s];
        c.gx += gx;
        c.gy += gy;
        if (x < c.minX) { c.minX = x; } else if (x > c.maxX) { c.maxX = x; }
        if (y < c.minY) { c.minY = y; } else if (y > c.maxY) { c.maxY = y; }
      }
      for (var j = 0; j < items.length; j++) {
        var it = items[j];
        it.sx = it.gx / it.count - origin.x;
        it.sy = it.gy / it.count - origin.y;
        var single = it.count === 1 || it.minX === it.maxX && it.minY === it.maxY;
        it.report = single ? store.report(it.first) : null;
        it.same = single ? it.count - 1 : 0;
      }
      return items;
    },
    hit: function (layerPoint) {
      if (!this._topLeft) { return null; }
      var x = layerPoint.x - this._topLeft.x, y = layerPoint.y - this._topLeft.y;
      var best = null, bestD = Infinity;
      for (var i = 0; i < this.drawn.length; i++) {
        var it = this.drawn[i];
        var reach = it.report ? MARKER_R + 4 : clusterRadius(it.count) + 4;
        var d = (it.sx - x) * (it.sx - x) + (it.sy - y) * (it.sy - y);
        if (d <= reach * reach && d < bestD) { best = it; bestD = d; }
      }
      return best;
    },
    itemFor: function (id) {
      for (var i = 0; i < this.drawn.length; i++) {
        if (this.drawn[i].report && this.drawn[i].report.id === id) { return this.drawn[i]; }
      }
      return null;
    }
  });

  window.PahtPoints = {
    PointLayer: PointLayer,
    Store: Store,
    CELL: CELL,
    FAMILY_COLORS: FAMILY_COLORS,
    OVERDUE_COLOR: OVERDUE_COLOR,
    RING_COLOR: RING_COLOR
  };
})();
