"""Reading a typed line so that a Ctrl-C or a closed terminal is never missed.

Python's ``input()`` runs signal handlers only when the read it is blocked in is
interrupted. A Ctrl-C (or SIGTERM, or the terminal closing) that lands after the
prompt is shown but before the read starts is noted and then waits for the next
Enter: on a busy machine the wizard seemed to hang. Here the line is awaited with
``select`` and a short timeout, so Python gets to run a pending handler within a
quarter of a second whatever the timing. Bytes are read straight from the file
descriptor into a buffer of our own: lines typed (or piped) ahead are never hidden
in Python's buffer while ``select`` waits on the descriptor.
"""

from __future__ import annotations

import io
import os
import select
import sys
from typing import TextIO

# How often a wait for a line lets Python run a signal handler that is pending.
WAKE_SECONDS = 0.25
# The longest line read: an answer holds at most 2,000 characters (8,000 bytes in
# UTF-8). A longer line (an 80 MB paste on a pipe) is read through and dropped in
# pieces, never held whole: it took 42 s and 851 MB before.
MAX_LINE_BYTES = 64 * 1024


class LineTooLong(ValueError):
    """A line over :data:`MAX_LINE_BYTES`: read to its end and dropped."""


class LineReader:
    """Lines from a real file descriptor, decoded as the stream would decode them.

    Bytes that are not valid in the encoding become stand-ins (lone surrogates)
    that the answer checks refuse with a reason, never an error that ends the run.
    """

    def __init__(self, descriptor: int, encoding: str) -> None:
        self._descriptor = descriptor
        self._encoding = encoding
        self._pending = b""
        self._ended = False

    @classmethod
    def for_stream(cls, stream: TextIO) -> LineReader | None:
        """A reader for ``stream``, or None where select cannot wait on it.

        Test runners replace stdin with an in-memory stream (no descriptor), and
        Windows cannot select on a console: there ``input()`` is used as before.
        """
        if os.name != "posix":
            return None
        try:
            descriptor = stream.fileno()
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            return None
        return cls(descriptor, getattr(stream, "encoding", None) or "utf-8")

    def read_line(self, prompt: str, out: TextIO | None = None) -> str:
        """Show ``prompt`` and return the next line without its line ending.

        Raises EOFError when the input ends with nothing typed, as ``input()`` does.
        """
        out = out or sys.stdout
        out.write(prompt)
        out.flush()
        searched = 0  # bytes of the pending line already looked at for its end
        while b"\n" not in self._pending[searched:]:
            searched = len(self._pending)
            if searched > MAX_LINE_BYTES:
                self._drop_line()
                raise LineTooLong(f"a line of over {MAX_LINE_BYTES:,} bytes")
            if self._ended:
                if not self._pending:
                    raise EOFError
                last, self._pending = self._pending, b""
                return self._decode(last)
            self._wait_and_read()
        line, _, self._pending = self._pending.partition(b"\n")
        if len(line) > MAX_LINE_BYTES:
            raise LineTooLong(f"a line of over {MAX_LINE_BYTES:,} bytes")
        return self._decode(line)

    def _drop_line(self) -> None:
        """Read on to the end of the current line, keeping none of it."""
        while b"\n" not in self._pending and not self._ended:
            self._pending = b""
            self._wait_and_read()
        self._pending = self._pending.partition(b"\n")[2]

    def _wait_and_read(self) -> None:
        ready, _, _ = select.select([self._descriptor], [], [], WAKE_SECONDS)
        if not ready:
            return  # back in Python for a moment: a pending Ctrl-C is raised here
        try:
            chunk = os.read(self._descriptor, 65536)
        except OSError:  # the terminal went away (EIO): the same as the input ending
            chunk = b""
        if chunk:
            self._pending += chunk
        else:
            self._ended = True

    def _decode(self, line: bytes) -> str:
        return line.removesuffix(b"\r").decode(self._encoding, "surrogateescape")
