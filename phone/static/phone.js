// A participant's phone in a live workshop. Plain JavaScript, no build step, no outside file.
// User text (titles, segment names, questions) is only ever set with textContent.
"use strict";

(function () {
  const TEXTS = JSON.parse(document.getElementById("texts").textContent);
  const params = new URLSearchParams(location.search);
  // The workshop may offer its questionnaire's own languages too (a German model): any code.
  let chosenLang = /^[a-z]{2}$/.test(params.get("lang") || "") ? params.get("lang") : null;
  let lang = chosenLang || ((navigator.language || "").startsWith("en") ? "en" : "fr");
  let token = params.get("p");
  let code = params.get("join");

  // A random id for this tab: wrong join codes are slowed down per phone, not per address
  // (a room's phones share one). Drawn with getRandomValues, which plain http allows.
  const device = (function () {
    const drawn = Array.from(crypto.getRandomValues(new Uint8Array(16)),
      (b) => b.toString(16).padStart(2, "0")).join("");
    try {
      const kept = sessionStorage.getItem("phone.device") || drawn;
      sessionStorage.setItem("phone.device", kept);
      return kept;
    } catch (error) {
      return drawn; // storage refused (private mode): this page's life is enough
    }
  })();

  const main = document.getElementById("main");
  const banner = document.getElementById("banner");
  const titleBar = document.getElementById("title");

  // --- small helpers ----------------------------------------------------------------------

  function t(name, values) {
    let text = (TEXTS[lang] || TEXTS.en)[name] || name; // no catalogue: English, as the server
    for (const [key, value] of Object.entries(values || {})) {
      text = text.split("{" + key + "}").join(String(value));
    }
    return text;
  }

  // "1 question answered", "2 questions answered": the browser's CLDR rules, as the server's.
  function counted(name, values, count) {
    const form = new Intl.PluralRules(lang).select(count) === "one" ? "_one" : "_other";
    return t(name + form, values);
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else if (value !== false && value != null) node.setAttribute(key, value);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  function setUrl() {
    const query = new URLSearchParams();
    if (token) query.set("p", token);
    else if (code != null) query.set("join", code);
    if (chosenLang) query.set("lang", chosenLang);
    history.replaceState(null, "", "/?" + query.toString());
  }

  class ApiError extends Error {
    constructor(status, key, message) {
      super(message);
      this.status = status;
      this.key = key;
    }
    get unreachable() {
      return this.status === 0 || (this.status >= 502 && !this.key);
    }
  }

  async function api(path, query, body) {
    const search = new URLSearchParams(query || {});
    // Until the workshop is known, the server answers in the workshop's language.
    if (chosenLang || S) search.set("lang", lang);
    const options = { cache: "no-store", headers: { "X-Phone-Device": device } };
    if (body !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path + "?" + search.toString(), options);
    } catch (error) {
      throw new ApiError(0, null, t("unreachable"));
    }
    let data = null;
    try {
      data = await response.json();
    } catch (error) {
      data = null;
    }
    if (!response.ok) {
      const key = data && data.error;
      throw new ApiError(response.status, key, (data && data.message) || t("unreachable"));
    }
    return data;
  }

  // --- notices at the top, always in view -------------------------------------------------

  const notices = new Map(); // name → [kind, text], shown in this order
  const ORDER = ["unreachable", "db_down", "back_online", "gone", "closed", "revealed", "ui_note"];

  function notice(name, kind, text) {
    if (kind) notices.set(name, [kind, text]);
    else notices.delete(name);
    const shown = ORDER.filter((n) => notices.has(n));
    const current = Array.from(banner.children).map((p) => p.dataset.name);
    if (shown.join() === current.join() &&
        shown.every((n, i) => banner.children[i].textContent === notices.get(n)[1])) return;
    banner.replaceChildren(
      ...shown.map((n) => el("p", { class: notices.get(n)[0], "data-name": n, text: notices.get(n)[1] })),
    );
  }

  let unreachableTimer = null;
  function serverLost() {
    if (unreachableTimer || notices.has("unreachable")) return;
    // A blink of the network is not worth a notice: say it once it lasts.
    unreachableTimer = setTimeout(() => {
      unreachableTimer = null;
      notice("back_online");
      notice("unreachable", "error", t("unreachable"));
    }, 1500);
  }
  function serverBack() {
    clearTimeout(unreachableTimer);
    unreachableTimer = null;
    if (notices.has("unreachable")) {
      notice("unreachable");
      notice("back_online", "ok", t("back_online"));
      setTimeout(() => notice("back_online"), 3000);
    }
  }

  // --- the language switch ---------------------------------------------------------------

  const langBox = document.getElementById("langs");
  let langButtons = [];
  function languageButton(code, name) {
    const button = el("button", { type: "button", "data-lang": code, lang: code, title: name, text: code.toUpperCase() });
    button.addEventListener("click", () => {
      if (button.dataset.lang === lang) return;
      chosenLang = lang = button.dataset.lang;
      setUrl();
      showLang();
      start(true);
    });
    return button;
  }
  // The workshop's languages, once known: FR and EN, and its questionnaire's own.
  function offerLanguages(languages) {
    const codes = Object.keys(languages || {});
    if (!codes.length || codes.join() === langButtons.map((b) => b.dataset.lang).join()) return;
    langButtons = codes.map((code) => languageButton(code, languages[code]));
    langBox.replaceChildren(...langButtons);
    showLang();
  }
  function showLang() {
    document.documentElement.lang = lang;
    langBox.setAttribute("aria-label", t("language"));
    for (const button of langButtons) button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
  offerLanguages({ fr: "Français", en: "English" });
  // A language the interface is not translated into: said once, the questions stay in it.
  function uiNote(text) { notice("ui_note", text ? "info" : null, text); }

  // --- joining -------------------------------------------------------------------------------

  function codeForm(typed, error) {
    titleBar.textContent = t("join_title");
    const input = el("input", {
      type: "text", id: "code", name: "code", maxlength: "12", autocomplete: "off",
      autocapitalize: "characters", spellcheck: "false", placeholder: "ABC-DEF",
      "aria-describedby": error ? "code-error" : null,
    });
    input.value = typed || "";
    const form = el("form", {
      onsubmit: (event) => {
        event.preventDefault();
        code = input.value.replace(/[^0-9a-z]/gi, "").toUpperCase();
        setUrl();
        start(false);
      },
    }, [
      el("label", { class: "field", for: "code", text: t("code_label") }),
      input,
      error ? el("p", { class: "notice error", id: "code-error", role: "alert", text: error }) : null,
      el("p", {}, [el("button", { type: "submit", class: "primary", text: t("continue") })]),
    ]);
    main.replaceChildren(el("h1", { text: t("join_title") }), form);
  }

  function joinPage(workshop) {
    titleBar.textContent = workshop.title;
    const heading = el("h1", { text: workshop.title });
    if (!workshop.open) {
      main.replaceChildren(heading, el("p", { class: "notice info", role: "status", text: t("closed_join") }));
      return;
    }
    const error = el("p", { class: "notice error", id: "join-error", role: "alert", hidden: true });
    const groups = workshop.segments.map((segment, i) =>
      el("fieldset", { "data-segment": segment.name }, [
        el("legend", { text: segment.name }),
        ...segment.options.map((option, j) =>
          el("label", { class: "choice", for: `seg-${i}-${j}` }, [
            el("input", { type: "radio", name: `seg-${i}`, id: `seg-${i}-${j}`, value: option }),
            el("span", { class: "lvl", text: option }),
          ])),
      ]));
    const button = el("button", { type: "submit", class: "primary", text: t("join_button") });
    const form = el("form", {
      onsubmit: async (event) => {
        event.preventDefault();
        const segments = {};
        const missing = [];
        workshop.segments.forEach((segment, i) => {
          const picked = form.querySelector(`input[name="seg-${i}"]:checked`);
          if (picked) segments[segment.name] = picked.value;
          else missing.push(segment.name);
        });
        if (missing.length) {
          error.textContent = t("choose_segment", { names: missing.join(", ") });
          error.hidden = false;
          return;
        }
        button.disabled = true;
        try {
          const state = await api("/phone/api/join", {}, { code: code, segments: segments });
          token = state.token;
          setUrl();
          answering(state, true);
        } catch (failure) {
          error.textContent = failure.message;
          error.hidden = false;
          button.disabled = false;
        }
      },
    }, [
      el("p", { class: "small", text: workshop.anonymity }),
      ...groups,
      workshop.segment_why ? el("p", { class: "small", text: workshop.segment_why }) : null,
      error,
      button,
    ]);
    main.replaceChildren(heading, form);
  }

  // --- answering -----------------------------------------------------------------------------

  let S = null; // the state as the server last gave it
  const pending = new Map(); // question id → {level, sending}: taps not yet saved
  let step = null; // the part shown at a free pace
  let built = null; // what the questions were built for ("lang|questionnaire")
  let view = {};

  const DK = "dk";
  function levelOf(value) { return value === DK ? null : Number(value); }
  function valueOf(level) { return level === null ? DK : String(level); }
  function answerOf(id) {
    if (pending.has(id)) return { level: pending.get(id).level, given: true };
    if (S && Object.prototype.hasOwnProperty.call(S.answers, id)) return { level: S.answers[id], given: true };
    return { given: false };
  }

  function build() {
    const q = S.questionnaire;
    view = { parts: [], fieldsets: new Map() };
    view.room = el("section", { class: "room", id: "room", "aria-labelledby": "room-title", hidden: true });
    view.progress = el("progress", { max: "1", value: "0", "aria-hidden": "true" });
    view.progressText = el("span");
    view.nav = el("nav", { class: "parts", "aria-label": t("parts") });
    view.paced = el("p", { class: "small", hidden: true });
    view.done = el("p", { class: "notice ok", hidden: true, text: t("all_done") });
    q.dimensions.forEach((dimension, index) => {
      const heading = el("h2", { tabindex: "-1", text: `${index + 1}. ${dimension.title}` });
      const fieldsets = dimension.questions.map((question) => {
        const note = el("p", { class: "q-note", "aria-live": "polite", id: `note-${question.id}` });
        const mark = el("span", { class: "mark", "aria-hidden": "true", text: "○" });
        const status = el("span", { class: "visually-hidden" });
        const choices = [...question.levels.map((level, i) => [valueOf(level.value), level.label, question.anchors[i]]),
          [DK, q.dont_know, ""]].map(([value, label, anchor]) =>
          el("label", { class: "choice", for: `q-${question.id}-${value}` }, [
            el("input", { type: "radio", name: `q-${question.id}`, id: `q-${question.id}-${value}`, value: value }),
            el("span", {}, [el("span", { class: "lvl", text: label }),
              anchor ? el("span", { class: "anchor", text: anchor }) : null]),
          ]));
        const fieldset = el("fieldset", { "data-question": question.id, "aria-describedby": note.id }, [
          el("legend", {}, [mark, el("span", { text: `${question.order}. ${question.text}` }), status]),
          question.help ? el("p", { class: "help", text: question.help }) : null,
          ...choices,
          note,
        ]);
        fieldset.addEventListener("change", (event) => tap(question.id, levelOf(event.target.value)));
        view.fieldsets.set(question.id, { fieldset, note, mark, status });
        return fieldset;
      });
      const section = el("section", { "data-part": dimension.id, hidden: true }, [
        heading,
        dimension.description ? el("p", { class: "desc", text: dimension.description }) : null,
        ...fieldsets,
      ]);
      view.parts.push({ id: dimension.id, section, heading, questions: dimension.questions.map((x) => x.id) });
      view.nav.appendChild(el("button", {
        type: "button", "data-index": String(index), text: String(index + 1),
        onclick: () => showStep(index, true),
      }));
    });
    view.wait = el("p", { class: "notice info", hidden: true, role: "status", text: t("wait_next_part") });
    view.back = el("button", { type: "button", class: "secondary", text: "← " + t("back"), onclick: () => showStep(step - 1, true) });
    view.next = el("button", { type: "button", class: "primary", text: t("next") + " →", onclick: () => showStep(step + 1, true) });
    view.footnote = el("p", { class: "footnote" });
    main.replaceChildren(
      view.room,
      el("div", { class: "status-line" }, [view.progress, view.progressText]),
      view.nav, view.paced, view.done,
      ...view.parts.map((p) => p.section),
      view.wait,
      el("div", { class: "steps" }, [view.back, view.next]),
      view.footnote,
    );
    built = `${lang}|${S.title}|${q.dimensions.length}`;
  }

  function openParts() {
    const m = S.moves;
    if (m.status !== "open") return [];
    if (m.pace === "paced") return m.current ? [m.current] : [];
    return view.parts.map((p) => p.id);
  }

  function showStep(index, focus) {
    step = Math.max(0, Math.min(index, view.parts.length - 1));
    update();
    if (focus) {
      view.parts[step].heading.focus();
      window.scrollTo(0, 0);
    }
  }

  function update() {
    const m = S.moves;
    const parts = view.parts;
    const paced = m.pace === "paced" && m.status === "open";
    if (paced) {
      const at = parts.findIndex((p) => p.id === m.current);
      step = at < 0 ? 0 : at;
    } else if (step == null) {
      const first = parts.findIndex((p) => p.questions.some((id) => !answerOf(id).given));
      step = first < 0 ? 0 : first;
    }
    const open = new Set(openParts());
    const focused = document.activeElement;
    let done = 0;
    let total = 0;
    parts.forEach((part, index) => {
      part.section.hidden = index !== step;
      let partDone = 0;
      for (const id of part.questions) {
        total += 1;
        const answer = answerOf(id);
        const shown = view.fieldsets.get(id);
        if (answer.given) { done += 1; partDone += 1; }
        shown.fieldset.disabled = !open.has(part.id);
        shown.fieldset.classList.toggle("answered", answer.given && !pending.has(id));
        shown.mark.textContent = answer.given && !pending.has(id) ? "✓" : "○";
        shown.status.textContent = answer.given && !pending.has(id) ? ` (${t("answered_mark")})` : "";
        const wanted = answer.given ? valueOf(answer.level) : null;
        for (const input of shown.fieldset.querySelectorAll("input")) {
          const checked = input.value === wanted;
          if (input.checked !== checked) input.checked = checked;
        }
      }
      const button = view.nav.children[index];
      button.setAttribute("aria-current", index === step ? "step" : "false");
      button.classList.toggle("complete", partDone === part.questions.length);
      button.setAttribute("aria-label", t("part_label", {
        n: index + 1, title: S.questionnaire.dimensions[index].title,
        done: counted("progress", { done: partDone, total: part.questions.length }, partDone),
      }));
    });
    view.progress.max = total;
    view.progress.value = done;
    view.progressText.textContent = counted("progress", { done, total }, done);
    view.nav.hidden = paced;
    view.paced.hidden = !paced;
    view.paced.textContent = t("paced_note", { n: step + 1, total: parts.length });
    view.done.hidden = done < total;
    const partComplete = parts[step].questions.every((id) => answerOf(id).given);
    view.wait.hidden = !(paced && partComplete && step < parts.length - 1);
    view.back.hidden = paced || step === 0;
    view.next.hidden = paced || step === parts.length - 1;
    view.footnote.textContent = t("anonymous_note", { code: S.code });
    notice("closed", m.status === "open" ? null : "info", t("closed_answering"));
    notice("revealed", m.revealed && S.room ? "info" : null, t("revealed_notice"));
    view.room.hidden = !(m.revealed && S.room);
    if (focused && focused !== document.body && !focused.offsetParent && parts[step]) {
      parts[step].heading.focus(); // what had the focus was hidden: the part shown takes it
    }
  }

  function showRoom(room) {
    S.room = room;
    if (!room) { update(); return; }
    const children = [el("h2", { id: "room-title", text: t("room_title") })];
    if (!room.visible) {
      children.push(el("p", { class: "small", text: room.hidden }));
    } else {
      children.push(el("p", { class: "small", text: room.caption }));
      for (const part of room.parts) {
        const fill = el("span", { class: "fill" });
        fill.style.width = (part.value == null ? 0 : part.value) + "%";
        children.push(el("div", { class: "row" }, [
          el("span", { text: part.title }), el("span", { class: "value", text: part.shown }),
          el("span", { class: "track", "aria-hidden": "true" }, [fill]),
        ]));
      }
      for (const line of room.verdict) if (line) children.push(el("p", { text: line }));
      if (room.discuss.length) {
        children.push(el("p", {}, [el("strong", { text: room.discuss_title })]));
        children.push(el("ul", {}, room.discuss.map((line) => el("li", { text: line }))));
      }
    }
    children.push(el("button", { type: "button", class: "secondary", text: t("refresh"), onclick: fetchRoom }));
    view.room.replaceChildren(...children);
    update();
  }

  async function fetchRoom() {
    try {
      const data = await api("/phone/api/room", { p: token });
      showRoom(data.room);
    } catch (failure) {
      if (failure.unreachable) serverLost();
    }
  }

  function answering(state, fresh) {
    const rebuild = !S || fresh;
    S = state;
    titleBar.textContent = state.title;
    if (!chosenLang) { lang = state.lang; showLang(); }
    offerLanguages(state.languages);
    uiNote(state.ui_note);
    if (rebuild || built !== `${lang}|${S.title}|${S.questionnaire.dimensions.length}`) build();
    if (state.room) showRoom(state.room);
    else update();
    window.phoneReady = true;
    listen();
  }

  // --- a tap, saved (never lost: kept and sent again until the server answers) -------------

  function say(id, kind, text) {
    const note = view.fieldsets.get(id).note;
    note.className = "q-note" + (kind ? " " + kind : "");
    note.textContent = text;
  }

  function tap(id, level) {
    pending.set(id, { level, sending: false, at: performance.now() });
    say(id, "pending", t("saving"));
    update();
    send(id);
  }

  async function send(id) {
    const taken = pending.get(id);
    if (!taken || taken.sending) return;
    taken.sending = true;
    try {
      const saved = await api("/phone/api/answer", {}, { p: token, question: id, level: taken.level });
      S.answers[id] = saved.level;
      if (pending.get(id) === taken) {
        pending.delete(id);
        say(id, "", t("saved"));
        // Tap → saved on this phone, in ms: for the browser test, never shown.
        view.fieldsets.get(id).note.dataset.ms = String(Math.round(performance.now() - taken.at));
      }
      serverBack();
    } catch (failure) {
      taken.sending = false;
      if (failure.unreachable) { // kept: sent again as soon as the server answers
        say(id, "pending", t("unreachable"));
        serverLost();
        return;
      }
      if (pending.get(id) === taken) pending.delete(id);
      say(id, "error", failure.message);
      if (failure.status === 409 || failure.status === 404) refresh();
    }
    if (pending.get(id) && pending.get(id) !== taken) { send(id); return; } // a newer tap
    update();
  }

  function flush() {
    for (const id of pending.keys()) send(id);
  }
  setInterval(() => { if (pending.size) flush(); }, 3000);

  // --- the facilitator's moves, pushed by the server ------------------------------------------

  let source = null;
  function listen(restart) {
    if (!token) return;
    if (source && !restart && source.readyState !== EventSource.CLOSED) return;
    if (source) source.close();
    source = new EventSource("/phone/api/events?" + new URLSearchParams({ p: token }).toString());
    let opened = false;
    source.addEventListener("open", () => {
      if (opened) return;
      opened = true;
      if (notices.has("unreachable") || unreachableTimer) { serverBack(); refresh(); }
      flush();
    });
    source.addEventListener("moves", (event) => { opened = true; serverBack(); moved(JSON.parse(event.data)); });
    source.addEventListener("room", (event) => {
      const rooms = JSON.parse(event.data);
      if (S && S.moves.revealed) showRoom(rooms[lang] || rooms.en || rooms.fr);
    });
    source.addEventListener("outage", () => notice("db_down", "warn", t("db_down")));
    source.addEventListener("gone", () => notice("gone", "error", t("workshop_gone")));
    source.addEventListener("error", () => {
      opened = false;
      serverLost();
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => { refresh(); listen(true); }, 2000); // the server refused: ask why
      }
    });
  }

  function moved(moves) {
    notice("db_down");
    if (!S) return;
    const was = S.moves;
    window.phoneMoves = (window.phoneMoves || 0) + 1;
    if (was.version === moves.version && was.status === moves.status) return;
    S.moves = moves;
    // Once revealed, the room's result comes by the same stream ("room" events).
    if (!moves.revealed) S.room = null;
    update();
  }

  // --- starting, and waking up ---------------------------------------------------------------

  async function refresh() {
    if (!token) return;
    try {
      answering(await api("/phone/api/state", { p: token }), false);
      serverBack();
    } catch (failure) {
      if (failure.unreachable) { serverLost(); return; }
      if (failure.key === "phone.db_down") { notice("db_down", "warn", failure.message); return; }
      if (failure.status === 404) {
        token = null;
        if (source) source.close();
        code = "";
        setUrl();
        codeForm("", failure.message);
      }
    }
  }

  async function start(languageChanged) {
    showLang();
    notice("closed");
    notice("revealed");
    if (token) {
      if (languageChanged) { S = null; }
      try {
        answering(await api("/phone/api/state", { p: token }), true);
      } catch (failure) {
        if (failure.unreachable) { serverLost(); setTimeout(() => start(false), 2000); return; }
        if (failure.status === 404) { token = null; code = ""; setUrl(); codeForm("", failure.message); return; }
        main.replaceChildren(el("p", { class: "notice error", role: "alert", text: failure.message }));
      }
      return;
    }
    if (!code) { codeForm(""); return; }
    try {
      const workshop = await api("/phone/api/workshop", { code: code });
      if (!chosenLang) { lang = workshop.lang; showLang(); }
      offerLanguages(workshop.languages);
      uiNote(workshop.ui_note);
      joinPage(workshop);
    } catch (failure) {
      if (failure.unreachable) { serverLost(); setTimeout(() => start(false), 2000); return; }
      const shown = code.toUpperCase().slice(0, 12);
      codeForm(code, failure.status === 404 ? t("code_unknown", { code: shown }) : failure.message);
    }
  }

  function wake() {
    if (!token || !S) return;
    refresh();
    listen(true); // a phone that slept may hold a dead connection
    flush();
  }
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") wake(); });
  window.addEventListener("online", wake);
  window.addEventListener("offline", serverLost);

  document.getElementById("loading").textContent = t("loading");
  start(false);
})();
