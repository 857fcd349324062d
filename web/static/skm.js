/* Only nicer with JavaScript: the survey works without it (plain forms). */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.answers");
  for (var i = 0; i < forms.length; i++) {
    forms[i].addEventListener("submit", function (event) {
      // One press is enough: a second one, while the first is on its way, would be stale.
      var form = event.target;
      setTimeout(function () {
        var buttons = form.querySelectorAll("button");
        for (var j = 0; j < buttons.length; j++) { buttons[j].disabled = true; }
      }, 0);
    });
  }
  var box = document.querySelector("textarea[maxlength]");
  var count = document.querySelector(".count");
  if (box && count) {
    var limit = parseInt(box.getAttribute("maxlength"), 10);
    var update = function () { count.textContent = box.value.length + " / " + limit; };
    count.hidden = false;
    box.addEventListener("input", update);
    update();
  }
})();
