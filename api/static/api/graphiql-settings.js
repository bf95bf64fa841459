// Hands the view's settings (a JSON data block, not an inline script) to
// graphene-django's graphiql.js, which reads window.GRAPHENE_SETTINGS.
window.GRAPHENE_SETTINGS = JSON.parse(
  document.getElementById("graphene-settings").textContent,
);
