"""The ``prepkit`` command: a group whose commands are imported only when run.

Each command is a module of its own here (build.py, example.py, ...); only Click
is imported at start-up, and the schema, Jinja and ReportLab inside the commands
that need them, so ``prepkit --help`` stays quick.
"""

from __future__ import annotations

import importlib

import click

from prepkit import __version__
from prepkit.cli.exits import Commands

# Each command and the module it is in.
COMMANDS = {
    "blank": "blank",
    "build": "build",
    "example": "example",
    "history": "history",
    "log": "diary_log",
    "validate": "validate",
    "wizard": "wizard",
}


class LazyCommands(Commands):
    """Click's lazy group: a command's module is imported when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"prepkit.cli.{COMMANDS[name]}")
        command: click.Command = getattr(module, name)
        return command


@click.group(
    cls=LazyCommands,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
@click.version_option(__version__, prog_name="prepkit")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Prepare for a systemic mastocytosis (SM) specialist visit.

    prepkit turns your answers (a profile file) into a printable visit
    worksheet. It is a preparation aid, not medical advice.

    \b
    New here? Answer the questions with:  prepkit wizard
    or see an example first with:        prepkit example
    """
    from prepkit.core.today import pinned_epoch

    _stop_like_ctrl_c()  # a killed run cleans up after itself as after Ctrl-C
    pinned_epoch()  # a SOURCE_DATE_EPOCH no PDF date can use stops here, in one line
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        click.echo()
        click.echo("To start, run:  prepkit wizard")


def _stop_like_ctrl_c() -> None:
    """Closing the terminal (SIGHUP) or a SIGTERM stops a run as Ctrl-C does: the wizard
    keeps its draft, and no command leaves a half-written file behind."""
    import contextlib
    import signal

    def interrupt(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            # Only the main thread may set handlers (prepkit called from a thread: as is).
            number = getattr(signal, name)
            if signal.getsignal(number) is signal.SIG_IGN:
                continue  # run under nohup: the terminal closing must not stop it
            with contextlib.suppress(ValueError):
                signal.signal(number, interrupt)
