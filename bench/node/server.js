// Node.js reference for bench/run.sh: the same two handlers as sio4j's bench server.
//   node server.js --port 3000   prints "listening on http://127.0.0.1:3000" when ready.
const { createServer } = require("http");
const { Server } = require("socket.io");

const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3000;

const httpServer = createServer();
const io = new Server(httpServer, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  // echo: ack with the same arguments
  socket.on("echo", (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    if (ack) ack(...args);
  });
  // bcast {n, size}: broadcast "tick" with a string of size 'x' n times to every client
  socket.on("bcast", ({ n, size }) => {
    const payload = "x".repeat(size);
    for (let i = 0; i < n; i++) io.emit("tick", payload);
  });
});

httpServer.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${port}`);
});
