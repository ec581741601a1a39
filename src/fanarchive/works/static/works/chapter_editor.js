// AO3's "Rich Text" / "HTML" switch for a work's or chapter's text. The textarea (HTML) is
// what the form sends and what works without scripts; "Rich Text" shows the same text as it
// reads, editable, and writes its HTML back into the textarea as the author types. The server
// sanitises whatever arrives (works/html.py); the cleaning here only keeps the editor from
// running anything pasted into the HTML box.
(function () {
  "use strict";
  var DROP = "script,style,iframe,object,embed,link,meta,base,form";

  function cleaned(html) {
    var doc = document.implementation.createHTMLDocument("");
    doc.body.innerHTML = html;
    doc.body.querySelectorAll(DROP).forEach(function (node) { node.remove(); });
    doc.body.querySelectorAll("*").forEach(function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attr) {
        var name = attr.name.toLowerCase();
        var value = attr.value.replace(/\s+/g, "").toLowerCase();
        if (name.indexOf("on") === 0 || name === "style" || value.indexOf("javascript:") === 0) {
          node.removeAttribute(attr.name);
        }
      });
    });
    return doc.body.innerHTML;
  }

  function asHtml(text) {
    // Plain text typed in the HTML box: blank lines make paragraphs, as the server does.
    if (/<\/?(p|br|div|h[1-6]|blockquote|hr|ul|ol|li|table|pre)\b/i.test(text)) return text;
    return text.split(/\n\s*\n+/).filter(function (p) { return p.trim(); }).map(function (p) {
      return "<p>" + p.trim().replace(/\n/g, "<br>") + "</p>";
    }).join("\n");
  }

  function setUp(textarea) {
    var bar = document.createElement("ul");
    bar.className = "rtf-html-switch actions";
    bar.setAttribute("role", "tablist");
    bar.setAttribute("data-for", textarea.id);
    var rich = document.createElement("div");
    rich.className = "rich-text userstuff";
    rich.contentEditable = "true";
    rich.setAttribute("role", "textbox");
    rich.setAttribute("aria-multiline", "true");
    rich.setAttribute("aria-label", (textarea.labels[0] || {}).textContent || "Text");
    rich.style.minHeight = (textarea.rows || 4) * 1.6 + "em";
    var buttons = {};
    ["Rich Text", "HTML"].forEach(function (label) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.className = label === "HTML" ? "html-mode" : "rich-text-mode";
      button.setAttribute("role", "tab");
      item.appendChild(button);
      bar.appendChild(item);
      buttons[label] = button;
    });

    // Bold and italic (as AO3's Rich Text toolbar); Ctrl+B / Ctrl+I work too.
    var tools = document.createElement("li");
    tools.className = "rich-text-tools";
    [["Bold", "bold", "B"], ["Italic", "italic", "I"]].forEach(function (tool) {
      var button = document.createElement("button");
      button.type = "button";
      button.title = tool[0];
      button.setAttribute("aria-label", tool[0]);
      button.className = "tool-" + tool[1];
      button.textContent = tool[2];
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () {
        rich.focus();
        document.execCommand(tool[1], false, null);
        rich.dispatchEvent(new Event("input"));
      });
      tools.appendChild(button);
    });
    bar.appendChild(tools);

    function show(mode) {
      var richMode = mode === "Rich Text";
      if (richMode) rich.innerHTML = cleaned(asHtml(textarea.value));
      rich.hidden = !richMode;
      tools.hidden = !richMode;
      textarea.hidden = richMode;
      buttons["Rich Text"].setAttribute("aria-selected", String(richMode));
      buttons.HTML.setAttribute("aria-selected", String(!richMode));
    }
    buttons["Rich Text"].addEventListener("click", function () { show("Rich Text"); });
    buttons.HTML.addEventListener("click", function () {
      if (!rich.hidden) rich.dispatchEvent(new Event("input"));
      show("HTML");
    });
    rich.addEventListener("focus", function () {
      document.execCommand("defaultParagraphSeparator", false, "p");
    });
    rich.addEventListener("input", function () {
      // Emptied by the author: send nothing, not the browser's leftover "<p><br></p>".
      var empty = !rich.textContent.trim() && !rich.querySelector("img,hr");
      textarea.value = empty ? "" : rich.innerHTML;
    });

    textarea.parentNode.insertBefore(bar, textarea);
    textarea.parentNode.insertBefore(rich, textarea);
    show("Rich Text");
  }

  document.querySelectorAll("textarea[data-editor=rich]").forEach(setUp);
})();
