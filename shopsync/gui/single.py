"""One ShopSync per user (and home folder): a second launch asks the first to show its status
window, then exits 0.

QLocalServer with UserAccessOption, so another user's session can neither take the name nor
talk to it; after a crash the socket file stays behind, so a failed connect removes the stale
name before listening (as Vorta and Nextcloud do).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from shopsync.gui.qtcompat import emit

log = logging.getLogger(__name__)
MESSAGE = b"show\n"


def server_name(home: Path) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some service contexts
        user = "user"
    digest = hashlib.sha1(f"{user}|{Path(home).resolve()}".encode()).hexdigest()[:16]
    return f"shopsync-{digest}"


class SingleInstance(QObject):
    """`claim()` returns True for the first instance; `activated` fires when a second one
    launches."""

    activated = Signal()

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
        # Any connection on our user-only socket is a second launch: no per-connection slots
        # (a lambda kept on a socket that Qt deletes later crashed PySide6 at teardown).
        while self.server is not None and self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.abort()
            conn.deleteLater()
        emit(self.activated)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
