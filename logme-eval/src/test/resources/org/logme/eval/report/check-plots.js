// Injected into a copy of report.html by ReportChromiumTest: measures what the browser drew and
// writes the findings into attributes of <body>, read back from chromium --dump-dom.
(function () {
  function intersects(a, b, slack) {
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > slack && h > slack;
  }
  var plots = document.querySelectorAll('svg.scatter');
  var complete = 0;
  var overlaps = 0;
  var hidden = 0;
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
    for (var a = 0; a < circles.length; a++) {
      for (var b = a + 1; b < circles.length; b++) {
        var dx = circles[a].cx.baseVal.value - circles[b].cx.baseVal.value;
        var dy = circles[a].cy.baseVal.value - circles[b].cy.baseVal.value;
        if (Math.sqrt(dx * dx + dy * dy) < 1.5) { // closer than this, one ring hides the other
          var pair = circles[a].getAttribute('data-model') + ' and '
              + circles[b].getAttribute('data-model');
          var notes = Array.prototype.slice.call(svg.parentNode.querySelectorAll('p.note'))
              .map(function (p) { return p.textContent; }).join(' ');
          if (notes.indexOf(pair) < 0) { // coinciding points must at least be named
            hidden++;
            problems.push(svg.id + ': points ' + pair + ' coincide unannounced');
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
  body.setAttribute('data-height', String(document.documentElement.scrollHeight));
  body.setAttribute('data-problems', problems.join(' | '));
})();
