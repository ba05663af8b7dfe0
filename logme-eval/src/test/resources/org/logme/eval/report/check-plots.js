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
  function ends(line) {
    return [line.x1.baseVal.value, line.y1.baseVal.value, line.x2.baseVal.value,
      line.y2.baseVal.value];
  }
  function segmentDistance(p, line) {
    var e = ends(line);
    var dx = e[2] - e[0], dy = e[3] - e[1];
    var t = Math.max(0, Math.min(1, ((p.x - e[0]) * dx + (p.y - e[1]) * dy) / (dx * dx + dy * dy)));
    var ex = e[0] + t * dx - p.x, ey = e[1] + t * dy - p.y;
    return Math.sqrt(ex * ex + ey * ey);
  }
  function turn(x0, y0, x1, y1, x, y) {
    return (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
  }
  function cross(a, b) { // do two leader lines meet? (collinear overlaps aside)
    var p = ends(a), q = ends(b);
    return turn(q[0], q[1], q[2], q[3], p[0], p[1]) * turn(q[0], q[1], q[2], q[3], p[2], p[3]) <= 0
        && turn(p[0], p[1], p[2], p[3], q[0], q[1]) * turn(p[0], p[1], p[2], p[3], q[2], q[3]) <= 0;
  }
  // the lines of text an element takes: its text fragments grouped into vertically disjoint rows
  function lines(el) {
    var rects = [];
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (walker.currentNode.textContent.trim() === '') {
        continue;
      }
      var range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      Array.prototype.forEach.call(range.getClientRects(), function (r) {
        if (r.width > 0) {
          rects.push(r);
        }
      });
    }
    rects.sort(function (a, b) { return a.top - b.top; });
    var count = 0, bottom = -Infinity;
    rects.forEach(function (r) {
      if (r.top >= bottom - 1) {
        count++;
      }
      bottom = Math.max(bottom, r.bottom);
    });
    return count;
  }
  // the groups of points the note under a plot names: the full list in its title when cut
  function namedGroups(svg) {
    var note = svg.parentNode.querySelector('p.overlaps');
    var groups = {};
    if (!note) {
      return groups;
    }
    var text = (note.getAttribute('title') || note.textContent).replace(/^[^:]*: /, '')
        .replace(/\.$/, '');
    text.split('; ').forEach(function (group, k) {
      group.replace(/ and /g, ', ').split(', ').forEach(function (model) {
        groups[model] = k;
      });
    });
    return groups;
  }

  var found = {plots: 0, complete: 0, overlaps: 0, hidden: 0, misread: 0, crossings: 0,
    clipped: 0, values: 0, ranks: 0};
  var problems = [];
  function check(svg) {
    found.plots++;
    found[svg.getAttribute('data-scale')]++;
    var frame = svg.getBoundingClientRect();
    var circles = Array.prototype.slice.call(svg.querySelectorAll('circle.point'));
    var drawn = 0;
    circles.forEach(function (c) {
      var r = c.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.left >= frame.left && r.right <= frame.right
          && r.top >= frame.top && r.bottom <= frame.bottom) {
        drawn++;
        if (c.classList.contains('clipped')) {
          found.clipped++;
        }
      }
    });
    var expected = parseInt(svg.getAttribute('data-points'), 10);
    if (drawn === expected && drawn > 0) {
      found.complete++;
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
        found.overlaps++;
        problems.push(svg.id + ': label ' + labels[i].textContent + ' leaves the plot');
      }
      for (var j = i + 1; j < labels.length; j++) {
        if (intersects(labelBoxes[i], labelBoxes[j], 0.5)) {
          found.overlaps++;
          problems.push(svg.id + ': label ' + labels[i].textContent + ' overlaps label '
              + labels[j].textContent);
        }
      }
      for (var k = 0; k < circles.length; k++) {
        if (intersects(labelBoxes[i], circleBoxes[k], 1)) {
          found.overlaps++;
          problems.push(svg.id + ': label ' + labels[i].textContent + ' covers point '
              + circles[k].getAttribute('data-model'));
        }
      }
    }
    var leaderLines = Array.prototype.slice.call(svg.querySelectorAll('line.leader'));
    for (var a = 0; a < leaderLines.length; a++) {
      for (var b = a + 1; b < leaderLines.length; b++) {
        if (cross(leaderLines[a], leaderLines[b])) {
          found.crossings++;
          problems.push(svg.id + ': the leaders of ' + leaderLines[a].getAttribute('data-model')
              + ' and ' + leaderLines[b].getAttribute('data-model') + ' cross');
        }
      }
    }
    // a label must read as its own point's: without a leader, no other point is as near to it;
    // with one, the leader runs through no other point. Only points that the note under the
    // plot names as overlapping are exempt, and points that nearly coincide must be named.
    var centers = circles.map(function (c) {
      return {x: c.cx.baseVal.value, y: c.cy.baseVal.value, model: c.getAttribute('data-model')};
    });
    var leaders = {};
    leaderLines.forEach(function (l) {
      leaders[l.getAttribute('data-model')] = l;
    });
    var radius = circles.length ? circles[0].r.baseVal.value : 0;
    function distance(p, q) {
      return Math.sqrt((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y));
    }
    var named = namedGroups(svg);
    function exempt(p, q) {
      return named[p.model] !== undefined && named[p.model] === named[q.model];
    }
    labels.forEach(function (t) {
      var model = t.getAttribute('data-model');
      var own = centers.filter(function (c) { return c.model === model; })[0];
      var box = t.getBBox();
      var leader = leaders[model];
      centers.forEach(function (c) {
        if (c.model === model || exempt(c, own) || distance(c, own) < radius) {
          return;
        }
        if (leader) {
          if (segmentDistance(c, leader) < radius) {
            found.misread++;
            problems.push(svg.id + ': the leader of ' + model + ' runs through ' + c.model);
          }
        } else if (boxDistance(box, c) <= boxDistance(box, own)) {
          found.misread++;
          problems.push(svg.id + ': label ' + model + ' is as near to ' + c.model);
        }
      });
    });
    for (var p = 0; p < centers.length; p++) {
      for (var q = p + 1; q < centers.length; q++) {
        if (distance(centers[p], centers[q]) < radius && !exempt(centers[p], centers[q])) {
          found.hidden++;
          problems.push(svg.id + ': points ' + centers[p].model + ' and ' + centers[q].model
              + ' coincide unannounced');
        }
      }
    }
  }
  function visiblePlots() {
    return Array.prototype.filter.call(document.querySelectorAll('svg.scatter'), function (s) {
      return s.getBoundingClientRect().width > 0;
    });
  }

  var wrapped = 0;
  document.querySelectorAll('thead th, table.ranking td').forEach(function (cell) {
    if (lines(cell) > 1) {
      wrapped++;
      problems.push('the cell "' + cell.textContent + '" wraps');
    }
  });
  var body = document.body;
  body.setAttribute('data-page-overflow', String(Math.max(0,
      document.documentElement.scrollWidth - document.documentElement.clientWidth)));
  body.setAttribute('data-height', String(document.documentElement.scrollHeight));
  // the plots shown at first, then those the scale switch shows when set to ranks
  var shownFirst = visiblePlots();
  shownFirst.forEach(check);
  body.setAttribute('data-first-scales', shownFirst.map(function (s) {
    return s.getAttribute('data-scale');
  }).filter(function (v, k, all) { return all.indexOf(v) === k; }).join(' '));
  var switchLabel = document.querySelector('label[for=scale-ranks]');
  if (switchLabel) {
    switchLabel.click();
    var shownThen = visiblePlots();
    shownThen.forEach(check);
    body.setAttribute('data-switched-scales', shownThen.map(function (s) {
      return s.getAttribute('data-scale');
    }).filter(function (v, k, all) { return all.indexOf(v) === k; }).join(' '));
  }
  body.setAttribute('data-plots', String(found.plots));
  body.setAttribute('data-values-plots', String(found.values));
  body.setAttribute('data-ranks-plots', String(found.ranks));
  body.setAttribute('data-complete-plots', String(found.complete));
  body.setAttribute('data-label-overlaps', String(found.overlaps));
  body.setAttribute('data-hidden-points', String(found.hidden));
  body.setAttribute('data-misread-labels', String(found.misread));
  body.setAttribute('data-leader-crossings', String(found.crossings));
  body.setAttribute('data-clipped-points', String(found.clipped));
  body.setAttribute('data-wrapped-cells', String(wrapped));
  body.setAttribute('data-problems', problems.join(' | '));
})();
