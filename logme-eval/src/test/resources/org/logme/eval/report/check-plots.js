// Injected into a copy of report.html by ReportChromiumTest: measures what the browser drew and
// writes the findings into attributes of <body>, read back from chromium --dump-dom.
(function () {
  function intersects(a, b, slack) {
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > slack && h > slack;
  }
  function boxDistance(box, p) {
    var dx = Math.max(0, box.x - p.x, p.x - (box.x + box.width));
    var dy = Math.max(0, box.y - p.y, p.y - (box.y + box.height));
    return Math.sqrt(dx * dx + dy * dy);
  }
  function segmentDistance(p, line) {
    var x1 = line.x1.baseVal.value, y1 = line.y1.baseVal.value;
    var x2 = line.x2.baseVal.value, y2 = line.y2.baseVal.value;
    var dx = x2 - x1, dy = y2 - y1;
    var t = Math.max(0, Math.min(1, ((p.x - x1) * dx + (p.y - y1) * dy) / (dx * dx + dy * dy)));
    var ex = x1 + t * dx - p.x, ey = y1 + t * dy - p.y;
    return Math.sqrt(ex * ex + ey * ey);
  }
  var plots = document.querySelectorAll('svg.scatter');
  var complete = 0;
  var overlaps = 0;
  var hidden = 0;
  var misread = 0;
  var problems = [];
  plots.forEach(function (svg) {
    var frame = svg.getBoundingClientRect();
    var circles = Array.prototype.slice.call(svg.querySelectorAll('circle.point'));
    var drawn = 0;
    circles.forEach(function (c) {
      var r = c.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.left >= frame.left && r.right <= frame.right
          && r.top >= frame.top && r.bottom <= frame.bottom) {
        drawn++;
      }
    });
    var expected = parseInt(svg.getAttribute('data-points'), 10);
    if (drawn === expected && drawn > 0) {
      complete++;
    } else {
      problems.push(svg.id + ' drew ' + drawn + ' of ' + expected + ' points');
    }
    var labels = Array.prototype.slice.call(svg.querySelectorAll('text.point-label'));
    if (labels.length !== circles.length) {
      problems.push(svg.id + ' has ' + labels.length + ' labels for ' + circles.length + ' points');
    }
    var labelBoxes = labels.map(function (t) { return t.getBoundingClientRect(); });
    var circleBoxes = circles.map(function (c) { return c.getBoundingClientRect(); });
    for (var i = 0; i < labels.length; i++) {
      if (labelBoxes[i].left < frame.left || labelBoxes[i].right > frame.right) {
        overlaps++;
        problems.push(svg.id + ': label ' + labels[i].textContent + ' leaves the plot');
      }
      for (var j = i + 1; j < labels.length; j++) {
        if (intersects(labelBoxes[i], labelBoxes[j], 0.5)) {
          overlaps++;
          problems.push(svg.id + ': label ' + labels[i].textContent + ' overlaps label '
              + labels[j].textContent);
        }
      }
      for (var k = 0; k < circles.length; k++) {
        if (intersects(labelBoxes[i], circleBoxes[k], 1)) {
          overlaps++;
          problems.push(svg.id + ': label ' + labels[i].textContent + ' covers point '
              + circles[k].getAttribute('data-model'));
        }
      }
    }
    // a label must read as its own point's: without a leader, no other point is as near to it;
    // with one, the leader runs through no other point
    var centers = circles.map(function (c) {
      return {x: c.cx.baseVal.value, y: c.cy.baseVal.value, model: c.getAttribute('data-model')};
    });
    var leaders = {};
    svg.querySelectorAll('line.leader').forEach(function (l) {
      leaders[l.getAttribute('data-model')] = l;
    });
    var radius = circles.length ? circles[0].r.baseVal.value : 0;
    function overlap(p, q) {
      return Math.sqrt((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)) < 2 * radius;
    }
    var notes = Array.prototype.slice.call(svg.parentNode.querySelectorAll('p.note'))
        .map(function (p) { return p.textContent; }).join(' ');
    labels.forEach(function (t) {
      var model = t.getAttribute('data-model');
      var own = centers.filter(function (c) { return c.model === model; })[0];
      var box = t.getBBox();
      var leader = leaders[model];
      centers.forEach(function (c) {
        if (c.model === model || overlap(c, own)) {
          return; // overlapping points cannot be told apart by position; the note names them
        }
        if (leader) {
          if (segmentDistance(c, leader) < radius) {
            misread++;
            problems.push(svg.id + ': the leader of ' + model + ' runs through ' + c.model);
          }
        } else if (boxDistance(box, c) <= boxDistance(box, own)) {
          misread++;
          problems.push(svg.id + ': label ' + model + ' is as near to ' + c.model);
        }
      });
    });
    for (var a = 0; a < circles.length; a++) {
      for (var b = a + 1; b < circles.length; b++) {
        if (overlap(centers[a], centers[b])) { // overlapping circles must at least be named
          var pair = centers[a].model + ' and ' + centers[b].model;
          if (notes.indexOf(pair) < 0) {
            hidden++;
            problems.push(svg.id + ': points ' + pair + ' overlap unannounced');
          }
        }
      }
    }
  });
  var body = document.body;
  body.setAttribute('data-plots', String(plots.length));
  body.setAttribute('data-complete-plots', String(complete));
  body.setAttribute('data-label-overlaps', String(overlaps));
  body.setAttribute('data-hidden-points', String(hidden));
  body.setAttribute('data-misread-labels', String(misread));
  body.setAttribute('data-height', String(document.documentElement.scrollHeight));
  body.setAttribute('data-problems', problems.join(' | '));
})();
