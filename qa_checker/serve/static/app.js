// qa-checker's page: check a draft without leaving the page, drop a file, download the annotated copy.
// Served as a file (the Content-Security-Policy allows no inline script); the forms work without it.
"use strict";

(function () {
  const form = document.getElementById("check-form");
  if (!form) return;
  const pasteForm = document.getElementById("paste-form");
  const input = document.getElementById("file");
  const status = document.getElementById("status");
  const error = document.getElementById("error");
  const result = document.getElementById("result");
  let last = null; // the FormData last checked, for the annotated copy
  let again = null; // how to read the draft again for "Check again": the chosen file or the pasted text

  function say(text) { status.textContent = text; }

  function fail(text) {
    error.textContent = text;
    error.hidden = false;
    say("");
  }

  async function errorOf(response) {
    if (response.status === 401) {
      window.location.assign("/token?next=" + encodeURIComponent(window.location.pathname));
      return "This server asks for its access token.";
    }
    try { return (await response.json()).error || response.statusText; }
    catch (e) { return "The server answered " + response.status + " " + response.statusText; }
  }

  async function check(data) {
    error.hidden = true;
    say("Checking your draft…");
    let response;
    try {
      response = await fetch("/api/view", { method: "POST", body: data, credentials: "same-origin" });
    } catch (e) {
      fail("The file could not be sent. If you changed it since you chose it, choose it again.");
      input.focus();
      return;
    }
    if (!response.ok) { fail(await errorOf(response)); return; }
    last = data;
    result.innerHTML = await response.text(); // the server escaped every recording string
    wireResult();
    const verdict = document.getElementById("verdict");
    say("Checked. " + (verdict ? verdict.textContent.replace(/\s+/g, " ").trim() : ""));
    const heading = document.getElementById("report-heading");
    if (heading) heading.focus();
  }

  function checkFile() {
    again = function () { return fileData(input.files[0]); };
    check(again());
  }

  function fileData(file) {
    const data = new FormData();
    data.append("file", file, file.name);
    return data;
  }

  function wireResult() {
    for (const el of result.querySelectorAll(".js-only")) el.hidden = false;
    const download = document.getElementById("download");
    if (download) download.addEventListener("click", annotated);
    const button = document.getElementById("recheck");
    if (button) button.addEventListener("click", function () { if (again) check(again()); });
  }

  async function annotated() {
    if (!last) return;
    say("Preparing the annotated copy…");
    const response = await fetch("/api/annotate", { method: "POST", body: last, credentials: "same-origin" });
    if (!response.ok) { fail(await errorOf(response)); return; }
    const disposition = response.headers.get("content-disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    const name = match ? decodeURIComponent(match[1]) : "annotated-copy";
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    say("Downloaded " + name + ".");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!input.files.length) { fail("Choose a .docx, .txt or .md file first."); input.focus(); return; }
    checkFile();
  });
  input.addEventListener("change", function () { if (input.files.length) checkFile(); });
  pasteForm.addEventListener("submit", function (event) {
    event.preventDefault();
    again = function () { return new FormData(pasteForm); };
    check(again());
  });
  for (const type of ["dragenter", "dragover"]) {
    form.addEventListener(type, function (event) { event.preventDefault(); form.classList.add("over"); });
  }
  form.addEventListener("dragleave", function () { form.classList.remove("over"); });
  form.addEventListener("drop", function (event) {
    event.preventDefault();
    form.classList.remove("over");
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) {
      input.files = files;
      checkFile();
    }
  });
  if (result.querySelector("#report")) wireResult();
})();
