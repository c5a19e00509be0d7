// Starts the rasa-webchat widget embedded in the page. `window.CAREER_ADVISOR` comes from
// /config.js, written by the page server (channels/web.py) with the Rasa server's socket URL.
// The conversation lives in localStorage and in Rasa under the same session id, so a reload
// shows the history and carries on the same conversation.
(function () {
  var settings = window.CAREER_ADVISOR;
  window.WebChat.default(
    {
      initPayload: "/greet",
      socketUrl: settings.socketUrl,
      socketPath: settings.socketPath,
      title: "Career advisor",
      inputTextFieldHint: "Ask about a career...",
      embedded: true,
      hideWhenNotConnected: false,
      params: { storage: "local" },
    },
    document.getElementById("webchat")
  );

  // A chart's alt text comes as the image's title (channels/socketio.py); rasa-webchat writes the title
  // above the image and no alt, so it is moved into the alt, which screen readers read.
  new MutationObserver(function () {
    document.querySelectorAll("#webchat .rw-image-frame:not([alt])").forEach(function (image) {
      var title = image.closest(".image").querySelector(".rw-image-title");
      image.alt = title ? title.textContent : "";
    });
  }).observe(document.getElementById("webchat"), { childList: true, subtree: true });
})();
