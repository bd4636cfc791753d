// Share bar enhancements: copy the link, and the device's own share sheet where it has one.
// Without JavaScript the plain share links still work; these buttons stay hidden.
(function () {
  document.querySelectorAll(".share-bar").forEach(function (bar) {
    var status = bar.querySelector(".share-bar__status");
    var copy = bar.querySelector("[data-share-copy]");
    var native = bar.querySelector("[data-share-url]");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(copy.dataset.shareCopy).then(
          function () { status.textContent = "Link copied."; },
          function () { status.textContent = "Could not copy the link."; }
        );
      });
    }
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: native.dataset.shareTitle, url: native.dataset.shareUrl })
          .catch(function () {});
      });
    }
  });
})();
