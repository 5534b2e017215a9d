// sio4j sample chat: plain JavaScript, no build step. Talks to the ChatEndpoint on the server.
(() => {
  const $ = (id) => document.getElementById(id);
  let socket = null;
  let me = null;
  let room = null;
  const typers = new Map(); // name -> timeout handle

  function setStatus(state) {
    const s = $("status");
    s.textContent = state;
    s.dataset.state = state;
    s.className = "status " + state;
    showTransport();
  }

  // polling or websocket: shown as the status's tooltip, and read by the browser tests
  function showTransport() {
    const s = $("status");
    const name = socket && socket.io.engine && socket.io.engine.transport ? socket.io.engine.transport.name : "";
    s.dataset.transport = name;
    s.title = name ? "transport: " + name : "";
  }

  function addMessage({ from, text }, { mine = false, system = false } = {}) {
    const li = document.createElement("li");
    if (system) {
      li.className = "system";
      li.textContent = text;
    } else {
      const f = document.createElement("span");
      f.className = "from";
      f.textContent = from;
      const t = document.createElement("span");
      t.className = "text";
      t.textContent = text;
      li.append(f, t);
      if (mine) {
        li.classList.add("mine", "pending");
      }
    }
    $("messages").append(li);
    li.scrollIntoView({ block: "end" });
    return li;
  }

  function renderOnline(names) {
    const ul = $("online");
    ul.replaceChildren(...names.map((n) => {
      const li = document.createElement("li");
      li.textContent = n;
      return li;
    }));
  }

  function renderTyping() {
    const names = [...typers.keys()];
    $("typing").textContent = names.length ? names.join(", ") + (names.length > 1 ? " are" : " is") + " typing…" : "";
  }

  function joinRoom() {
    socket.emit("join", { room }, (reply) => {
      if (reply && reply.online) renderOnline(reply.online);
    });
  }

  function connect(nickname, roomName) {
    me = nickname;
    room = roomName;
    // The WAR may be deployed under any context path: resolve /socket.io/ relative to this page.
    // ?transports=polling or ?transports=websocket forces one transport; by default polling, then the upgrade.
    const forced = new URLSearchParams(location.search).get("transports");
    socket = io({ auth: { nickname }, path: new URL("socket.io/", location.href).pathname,
      ...(forced ? { transports: forced.split(",") } : {}) });

    socket.on("connect", () => {
      socket.io.engine.once("upgrade", showTransport);
      setStatus("online");
      $("login").hidden = true;
      $("chat").hidden = false;
      $("room-title").textContent = "#" + room;
      joinRoom(); // also after every reconnect: the server forgot our rooms
    });
    socket.on("connect_error", (err) => {
      if (!socket.active) {
        // refused by the server's middleware: show why, let the person fix it
        $("login-error").textContent = err.message;
        socket = null;
      } else {
        setStatus("reconnecting");
      }
    });
    socket.on("disconnect", () => setStatus("reconnecting"));
    socket.io.on("reconnect_attempt", () => setStatus("reconnecting"));

    socket.on("message", (msg) => addMessage(msg));
    socket.on("online", (names) => renderOnline(names));
    socket.on("joined", ({ name }) => addMessage({ text: name + " joined" }, { system: true }));
    socket.on("left", ({ name }) => addMessage({ text: name + " left" }, { system: true }));
    socket.on("typing", ({ name }) => {
      clearTimeout(typers.get(name));
      typers.set(name, setTimeout(() => { typers.delete(name); renderTyping(); }, 2000));
      renderTyping();
    });
  }

  $("login").addEventListener("submit", (e) => {
    e.preventDefault();
    $("login-error").textContent = "";
    connect($("nickname").value.trim(), $("room").value.trim() || "lobby");
  });

  let lastTyping = 0;
  $("text").addEventListener("input", () => {
    const now = Date.now();
    if (socket && now - lastTyping > 500) {
      lastTyping = now;
      socket.volatile.emit("typing"); // may be dropped: that is fine for an indicator
    }
  });

  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text || !socket) return;
    $("text").value = "";
    const li = addMessage({ from: me, text }, { mine: true });
    socket.timeout(5000).emit("message", { text }, (err, reply) => {
      li.classList.remove("pending");
      // the server acks with {time} (epoch ms, when it relayed the message) or {error}
      const failed = err || !reply || reply.error;
      const tick = document.createElement("span");
      tick.className = failed ? "tick failed" : "tick";
      tick.textContent = failed ? "✗" : "✓";
      tick.title = err ? "no answer from the server" : failed ? String(reply && reply.error) : "delivered";
      li.append(tick);
      if (!failed) {
        const at = new Date(reply.time);
        const time = document.createElement("time");
        time.className = "acked";
        time.dateTime = at.toISOString();
        time.textContent = at.toLocaleTimeString();
        li.append(time);
      }
    });
  });
})();
