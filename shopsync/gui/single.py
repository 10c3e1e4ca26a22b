"""One ShopSync per user (and home folder): a second launch asks the first to show its status
window, then exits 0; `shopsync quit` and the Windows update helper ask it to close (the
line protocol and the Qt-free client are in `shopsync/instance_link.py`).

QLocalServer with UserAccessOption, so another user's session can neither take the name nor
talk to it; after a crash the socket file stays behind, so a failed connect removes the stale
name before listening (as Vorta and Nextcloud do).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from shopsync.gui.qtcompat import emit
from shopsync.instance_link import Message, server_name

log = logging.getLogger(__name__)
MESSAGE = f"{Message.SHOW}\n".encode()
MAX_LINE = 64  # a message is one short word: anything longer is not ours


class SingleInstance(QObject):
    """`claim()` returns True for the first instance; `activated` fires when a second one
    launches."""

    activated = Signal()
    quit_requested = Signal()  # `shopsync quit`, the update helper: close cleanly, install nothing

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(home)
        self.server: QLocalServer | None = None

    def claim(self, timeout_ms: int = 1000) -> bool:
        if self._notify_running(timeout_ms):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered, so the name is stale (a crash left the socket): reclaim it.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single instance: cannot listen on %s: %s", self.name, server.errorString())
                return True  # better a second instance than none
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _notify_running(self, timeout_ms: int) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(MESSAGE)
        socket.flush()
        # The first instance drops the connection as soon as it sees it (any connection is a
        # wake-up), possibly before this line: waiting on a closed socket only makes Qt print
        # "waitForBytesWritten() is not allowed in UnconnectedState" on stderr.
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState and socket.bytesToWrite():
            socket.waitForBytesWritten(timeout_ms)
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        # No per-connection lambdas (a lambda kept on a socket that Qt deletes later crashed
        # PySide6 at teardown): one bound slot, the socket found through sender().
        while self.server is not None and self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.readyRead.connect(self._on_ready_read)
            conn.disconnected.connect(self._on_disconnected)
            if conn.bytesAvailable():
                self._read_line(conn)

    def _on_ready_read(self) -> None:
        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            self._read_line(conn)

    def _on_disconnected(self) -> None:
        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            if conn.bytesAvailable():
                self._read_line(conn)
            conn.deleteLater()

    def _read_line(self, conn: QLocalSocket) -> None:
        """Act once per connection, on its first line: `quit` closes, anything else (`show`,
        an older version's wake-up) shows the status window. A bare connection that sends
        nothing (`instance_link.listening`) does nothing."""
        if conn.property("shopsync_done"):
            return
        if not conn.canReadLine() and conn.bytesAvailable() < MAX_LINE and conn.isOpen() \
                and conn.state() == QLocalSocket.LocalSocketState.ConnectedState:
            return  # the rest of the line is still on its way
        conn.setProperty("shopsync_done", True)
        line = bytes(conn.read(MAX_LINE).data()).split(b"\n", 1)[0].strip().decode("ascii", "replace")
        conn.abort()
        if line == Message.QUIT:
            log.info("asked to quit through the single-instance channel")
            emit(self.quit_requested)
        else:
            emit(self.activated)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
