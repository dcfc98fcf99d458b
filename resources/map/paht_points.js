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

  var PointLayer = L.Layer.extend({
    initialize: function () {
      this.reports = [];
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
    setReports: function (reports) {
      this.reports = reports;
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
      var cells = new Map(), items = [], reports = this.reports;
      var cols = Math.round((x1 - x0) / CELL) + 1;
      for (var i = 0; i < reports.length; i++) {
        var r = reports[i];
        var gx = r.x * scale, gy = r.y * scale;
        if (gx < x0 || gx >= x1 || gy < y0 || gy >= y1) { continue; }
        var key = cluster ? Math.floor((gy - y0) / CELL) * cols + Math.floor((gx - x0) / CELL) : i;
        var c = cells.get(key);
        if (c === undefined) {
          c = { count: 0, late: 0, gx: 0, gy: 0, minX: r.x, minY: r.y, maxX: r.x, maxY: r.y,
            first: r, same: 0 };
          cells.set(key, c);
          items.push(c);
        }
        c.count += 1;
        c.late += r.overdue;
        c.gx += gx;
        c.gy += gy;
        if (r.x < c.minX) { c.minX = r.x; } else if (r.x > c.maxX) { c.maxX = r.x; }
        if (r.y < c.minY) { c.minY = r.y; } else if (r.y > c.maxY) { c.maxY = r.y; }
      }
      for (var j = 0; j < items.length; j++) {
        var it = items[j];
        it.sx = it.gx / it.count - origin.x;
        it.sy = it.gy / it.count - origin.y;
        it.report = it.count === 1 || it.minX === it.maxX && it.minY === it.maxY ? it.first : null;
        it.same = it.report ? it.count - 1 : 0;
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
    CELL: CELL,
    FAMILY_COLORS: FAMILY_COLORS,
    OVERDUE_COLOR: OVERDUE_COLOR,
    RING_COLOR: RING_COLOR
  };
})();
